#!/usr/bin/env python3
"""Serves a GGUF model over llama.cpp's OpenAI-compatible HTTP API, through the xllamacpp wheel.

Started by Chorus (in its own process group) for `local:NAME` models:
    serve.py MODEL.gguf --port P [--host 127.0.0.1] [--ctx N] [--parallel 8] [--threads T] [--alias NAME]
Prints `LISTENING <url>` once the model is loaded; stops cleanly on SIGTERM or SIGINT.
"""

import argparse
import os
import signal
import sys
import threading

import xllamacpp as xlc


def main():
    # The parent's threads may block signals, and a blocked mask is inherited: unblock the ones
    # that stop the server, or SIGTERM would never reach it.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT, signal.SIGHUP})
    # A session and process group of its own: a Ctrl-C at the REPL goes to the REPL's group only.
    # (A process that already leads its group cannot start a session; its group is its own then.)
    try:
        os.setsid()
    except OSError:
        pass
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ctx", type=int, default=16384, help="total context, split evenly across the slots")
    parser.add_argument("--parallel", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--alias", default=None)
    args = parser.parse_args()

    params = xlc.CommonParams()
    params.model.path = args.model
    params.n_ctx = args.ctx
    params.n_parallel = args.parallel
    params.cpuparams.n_threads = args.threads
    params.cpuparams_batch.n_threads = args.threads
    params.hostnames = [args.host]
    params.port = args.port
    params.n_gpu_layers = 0
    if args.alias:
        params.model_alias = {args.alias}
    server = xlc.Server(params)  # returns once the model is loaded; HTTP runs on its own thread
    print("LISTENING", server.listening_address, flush=True)

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    while not stop.wait(1.0):
        pass
    del server
    return 0


if __name__ == "__main__":
    sys.exit(main())
