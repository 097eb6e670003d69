#!/usr/bin/env python3
"""Benchmark client (scripts/bench/sample): N chat completions, C in flight, through the
`openai` package's AsyncOpenAI client.

    python openai_client.py --url http://127.0.0.1:PORT[/v1] --requests N --concurrency C

Each request: model "stub", one short user message, max_tokens 16. The client does no
retries and keeps up to C connections open, so it is compared on equal terms. Prints one
JSON line: {"client":"openai","requests":N,"concurrency":C,"seconds":WALL,
"cpu_seconds":CPU,"errors":E}, where CPU is this process's user+system CPU time during the
run (imports and setup excluded).
"""

import sys

from bench_common import Errors, api_base, arguments, messages, requests_main, timed_requests

import openai

try:  # recent openai releases ship their HTTP stack as httpx2
    import httpx2 as httpx
except ImportError:
    import httpx


async def run(url, requests, concurrency):
    http_client = openai.DefaultAsyncHttpxClient(
        limits=httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency),
        timeout=httpx.Timeout(120.0),
    )
    client = openai.AsyncOpenAI(
        base_url=api_base(url), api_key="stub", max_retries=0, http_client=http_client
    )
    errors = Errors("openai_client")

    async def request(i):
        try:
            response = await client.chat.completions.create(model="stub", messages=messages(i), max_tokens=16)
            if not response.choices or response.choices[0].message.content is None:
                errors.add(i)
        except Exception as error:
            errors.add(i, error)

    seconds, cpu = await timed_requests(request, requests, concurrency)
    await client.close()
    return seconds, cpu, errors.count


if __name__ == "__main__":
    sys.exit(requests_main("openai", run, __doc__, requests=2000, concurrency=256))
