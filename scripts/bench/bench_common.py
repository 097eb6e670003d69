"""What the Python benchmark clients of scripts/bench/sample share: the command line, the
base URL, CPU time, running C workers, and the one JSON line each prints."""

import argparse
import asyncio
import json
import resource
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


async def timed_workers(worker, requests, concurrency):
    """Runs min(C, N) copies of `worker` to completion; returns (wall seconds, CPU seconds)."""
    cpu_start = cpu_seconds()
    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(min(concurrency, requests))))
    return time.perf_counter() - start, cpu_seconds() - cpu_start


def print_row(row):
    """Prints one compact JSON line, flushed."""
    print(json.dumps(row, separators=(",", ":")), flush=True)


def print_requests_row(client, args, seconds, cpu, errors):
    """The line a requests/s client prints."""
    print_row({"client": client, "requests": args.requests, "concurrency": args.concurrency,
               "seconds": round(seconds, 4), "cpu_seconds": round(cpu, 4), "errors": errors})
