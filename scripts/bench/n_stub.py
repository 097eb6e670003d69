#!/usr/bin/env python3
"""A loopback stub of an OpenAI-compatible server that answers `n` natively (scripts/bench/replay).

    n_stub.py [--port P]        P = 0 (the default) picks a free port

Listens on 127.0.0.1 only and prints `LISTENING http://127.0.0.1:PORT` (flushed) once it accepts
connections. `POST /v1/chat/completions` gets `n` choices at once, each a short worked answer whose
boxed number is the bench problem's answer for most indices and a near miss for the others (so
votes and metrics have something to count); usage bills the prompt once and every choice's tokens. Anything else is a 404. It counts
the completion requests it answered and prints the count on stderr when SIGTERM or SIGINT stops it.
Not a test fixture: Python's standard library only, so the bench needs nothing installed.
"""

import argparse
import hashlib
import json
import re
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

answered = 0
lock = threading.Lock()


def choices_for(prompt_text, n):
    seed = int.from_bytes(hashlib.sha256(prompt_text.encode()).digest()[:4], "big")
    # The bench's problems read "holds A rows of B apples, and C more": the right answer is A*B+C.
    found = re.search(r"holds (\d+) rows of (\d+) apples, and (\d+) more", prompt_text)
    gold = int(found[1]) * int(found[2]) + int(found[3]) if found else seed % 97
    result = []
    for index in range(n):
        # Most answers right, some off by one or two, so a vote beats a single sample.
        spread = (seed + index * 2654435761) % 10
        value = gold if spread < 6 else gold + spread - 5
        text = (
            f"Let me work through this step by step. The quantities combine to {value}, "
            f"and checking the arithmetic once more gives the same result. The answer is \\boxed{{{value}}}."
        )
        result.append(
            {"index": index, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
        )
    return result


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body, separators=(",", ":")).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path.split("?")[0] == "/health":
            self.reply(200, {"status": "ok"})
        else:
            self.reply(404, {"error": {"message": "not found"}})

    def do_POST(self):
        global answered
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        if self.path.split("?")[0] != "/v1/chat/completions":
            self.reply(404, {"error": {"message": "not found"}})
            return
        request = json.loads(body)
        n = int(request.get("n", 1))
        prompt_text = json.dumps(request.get("messages"), sort_keys=True)
        choices = choices_for(prompt_text, n)
        with lock:
            answered += 1
        self.reply(
            200,
            {
                "id": "stub",
                "object": "chat.completion",
                "created": 0,
                "model": "stub",
                "choices": choices,
                "usage": {"prompt_tokens": 40, "completion_tokens": 30 * n, "total_tokens": 40 + 30 * n},
            },
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    port = parser.parse_args().port
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True

    def stop(*_):
        threading.Thread(target=server.shutdown).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"LISTENING http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()
    print(f"answered {answered} completion requests", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
