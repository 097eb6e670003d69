#!/usr/bin/env python3
"""Benchmark client (scripts/bench/sample): N chat completions, C in flight, with plain
`aiohttp` (one ClientSession, TCPConnector(limit=C)); each body is read and JSON-decoded.

    python aiohttp_client.py --url http://127.0.0.1:PORT[/v1] --requests N --concurrency C

Each request: POST /v1/chat/completions, model "stub", one short user message,
max_tokens 16. Prints one JSON line: {"client":"aiohttp","requests":N,"concurrency":C,
"seconds":WALL,"cpu_seconds":CPU,"errors":E}, where CPU is this process's user+system CPU
time during the run (imports and setup excluded).
"""

import json
import sys

from bench_common import Errors, api_base, arguments, messages, requests_main, timed_requests

import aiohttp


async def run(url, requests, concurrency):
    endpoint = api_base(url) + "/chat/completions"
    connector = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=120)
    errors = Errors("aiohttp_client")
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:

        async def request(i):
            payload = {"model": "stub", "messages": messages(i), "max_tokens": 16}
            try:
                async with session.post(endpoint, json=payload) as response:
                    body = json.loads(await response.read())
                    if response.status != 200 or not body.get("choices"):
                        errors.add(i)
            except Exception as error:
                errors.add(i, error)

        seconds, cpu = await timed_requests(request, requests, concurrency)
    return seconds, cpu, errors.count


if __name__ == "__main__":
    sys.exit(requests_main("aiohttp", run, __doc__, requests=20000, concurrency=256))
