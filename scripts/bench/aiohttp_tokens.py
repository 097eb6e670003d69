#!/usr/bin/env python3
"""Benchmark client (scripts/bench/sample): completion tokens per second from a real engine
with a plain concurrent aiohttp client, the baseline for `chorus-bench tokens`.

    python aiohttp_tokens.py --url http://127.0.0.1:PORT[/v1] [--requests 32] [--concurrency 8]
                             [--max-tokens 96] [--model NAME]

Request i (0 <= i < N) is a chat completion of the one user message "Problem i: what is
i*7+3? Answer briefly." with temperature 0.7, seed i, max_tokens M and "cache_prompt":
false; C are in flight at a time. Sums usage.completion_tokens over the responses and
prints one JSON line: {"client":"plain","requests":N,"seconds":WALL,
"completion_tokens":T}. Exits 1 if any request fails.
"""

import asyncio
import json
import sys

from bench_common import api_base, arguments, messages, print_row, timed_requests

import aiohttp


async def run(url, requests, concurrency, max_tokens, model):
    endpoint = api_base(url) + "/chat/completions"
    connector = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=None, sock_read=600)
    tokens = 0
    failures = []
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:

        async def request(i):
            nonlocal tokens
            payload = {
                "model": model,
                "messages": messages(i),
                "temperature": 0.7,
                "seed": i,
                "max_tokens": max_tokens,
                "cache_prompt": False,
            }
            try:
                async with session.post(endpoint, json=payload) as response:
                    body = await response.read()
                    if response.status != 200:
                        failures.append(f"request {i}: HTTP {response.status}: {body[:200]!r}")
                        return
                    tokens += json.loads(body)["usage"]["completion_tokens"]
            except Exception as error:
                failures.append(f"request {i}: {error!r}")

        seconds, _ = await timed_requests(request, requests, concurrency)
    return seconds, tokens, failures


def main():
    def extra(parser):
        parser.add_argument("--max-tokens", type=int, default=96)
        parser.add_argument("--model", default="stub")

    args = arguments(__doc__, requests=32, concurrency=8, extra=extra)
    seconds, tokens, failures = asyncio.run(
        run(args.url, args.requests, args.concurrency, args.max_tokens, args.model))
    for failure in failures[:3]:
        print(f"aiohttp_tokens: {failure}", file=sys.stderr)
    if failures:
        print(f"aiohttp_tokens: {len(failures)} of {args.requests} requests failed", file=sys.stderr)
        return 1
    print_row({"client": "plain", "requests": args.requests, "seconds": round(seconds, 4), "completion_tokens": tokens})
    return 0


if __name__ == "__main__":
    sys.exit(main())
