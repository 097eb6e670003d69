"""What the Python benchmark clients of scripts/bench/sample share: the command line, the
base URL, CPU time, the request each sends, running C workers, counting failures, and the one JSON
line each prints."""

import argparse
import asyncio
import json
import resource
import sys
import time


def cpu_seconds():
    """User plus system CPU seconds this process has used."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def api_base(url):
    """The OpenAI base URL (ending in /v1) for a server root or a base URL."""
    url = url.rstrip("/")
    return url if url.endswith("/v1") else url + "/v1"


def arguments(description, requests, concurrency, extra=lambda parser: None):
    """Parses --url, --requests and --concurrency (with these defaults), and what `extra` adds."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--url", required=True, help="server root or OpenAI base URL: http://127.0.0.1:PORT[/v1]")
    parser.add_argument("--requests", type=int, default=requests)
    parser.add_argument("--concurrency", type=int, default=concurrency)
    extra(parser)
    return parser.parse_args()


def messages(i):
    """The chat of request `i`: one short user message."""
    return [{"role": "user", "content": f"Problem {i}: what is {i}*7+3? Answer briefly."}]


async def timed_requests(request, requests, concurrency):
    """Awaits `request(i)` for i in 0..N-1, C at a time (each of min(C, N) workers takes the next
    index when its request ends); returns (wall seconds, CPU seconds)."""
    next_index = 0

    async def worker():
        nonlocal next_index
        while next_index < requests:
            i = next_index
            next_index += 1
            await request(i)

    cpu_start = cpu_seconds()
    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(min(concurrency, requests))))
    return time.perf_counter() - start, cpu_seconds() - cpu_start


class Errors:
    """Failed requests of one client: counted, and the first few shown on stderr."""

    def __init__(self, client):
        self.client = client
        self.count = 0

    def add(self, i, error=None):
        """Counts request `i` as failed; shows `error` when it is one of the first three."""
        self.count += 1
        if error is not None and self.count <= 3:
            print(f"{self.client}: request {i}: {error!r}", file=sys.stderr)


def print_row(row):
    """Prints one compact JSON line, flushed."""
    print(json.dumps(row, separators=(",", ":")), flush=True)


def requests_main(client, run, doc, requests, concurrency):
    """A requests/s client's command: parses the arguments (`requests` and `concurrency` the
    defaults), awaits run(url, requests, concurrency) -> (wall seconds, CPU seconds, errors), and
    prints its line; returns the exit status."""
    args = arguments(doc, requests=requests, concurrency=concurrency)
    seconds, cpu, errors = asyncio.run(run(args.url, args.requests, args.concurrency))
    print_row({"client": client, "requests": args.requests, "concurrency": args.concurrency,
               "seconds": round(seconds, 4), "cpu_seconds": round(cpu, 4), "errors": errors})
    return 0
