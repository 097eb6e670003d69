"""The `chorus --jsonl` process behind one notebook, and the JSON lines it speaks."""

import json
import os
import shutil
import signal
import subprocess
import threading


def chorus_binary(environment):
    """The binary to run: $CHORUS_BIN, else the one the kernel spec names, else `chorus` on PATH."""
    for name in ("CHORUS_BIN", "CHORUS_KERNEL_BIN"):
        path = environment.get(name)
        if path:
            return path
    return shutil.which("chorus") or "chorus"


class ChorusSessionEnded(Exception):
    """The chorus process is gone (it crashed, or a statement ran `quit`)."""


class ChorusSession:
    """One `chorus --jsonl` process: sends requests, yields the replies to each in order.

    Requests run one at a time (Jupyter's shell channel is serial). An interrupt may come from
    another thread at any time: it reaches the process as SIGINT, but only while an execute
    request runs there (after its `started` reply and before its `done`), so it never lands on
    the next request or on an idle session.
    """

    def __init__(self, binary, cwd=None):
        # A session of its own: a signal Jupyter sends to the kernel's process group does not
        # reach chorus directly; the kernel forwards an interrupt when a statement runs.
        self.process = subprocess.Popen(
            [binary, "--jsonl"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=cwd,
            start_new_session=True,
        )
        self._next_id = 0
        self._lock = threading.Lock()
        self._running = None  # the id of the execute request that has started and not finished
        self._awaiting_start = None  # the id of an execute request sent, not yet started
        self._interrupt_pending = False

    def request(self, type, **fields):
        """Sends a request; yields every reply to it, the last one final (done, completion, …)."""
        self._next_id += 1
        request_id = self._next_id
        is_execute = type == "execute"
        with self._lock:
            if is_execute:
                self._awaiting_start = request_id
                self._interrupt_pending = False
        self._send({"id": request_id, "type": type, **fields})
        try:
            while True:
                try:
                    reply = self._read()
                except KeyboardInterrupt:
                    # A SIGINT that reached the kernel itself (a front end that signals rather than
                    # sends an interrupt request): pass it on, and keep reading the replies.
                    self.interrupt()
                    continue
                if reply.get("id") != request_id:
                    continue
                kind = reply.get("type")
                if kind == "started":
                    with self._lock:
                        self._awaiting_start = None
                        self._running = request_id
                        pending, self._interrupt_pending = self._interrupt_pending, False
                    if pending:
                        self._signal_interrupt()
                    continue
                if kind == "part":
                    yield reply
                    continue
                with self._lock:
                    self._running = None
                    self._awaiting_start = None
                yield reply
                return
        finally:
            with self._lock:
                if self._running == request_id or self._awaiting_start == request_id:
                    self._running = None
                    self._awaiting_start = None

    def interrupt(self):
        """Stops the running statement (from any thread); does nothing while none runs."""
        with self._lock:
            if self._running is not None:
                send = True
            else:
                send = False
                if self._awaiting_start is not None:
                    self._interrupt_pending = True
        if send:
            self._signal_interrupt()

    def close(self, timeout=30):
        """Ends the session (the store closed, local engines stopped); kills it if it hangs."""
        if self.process.poll() is None:
            try:
                self.process.stdin.close()
            except OSError:
                pass
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    @property
    def is_alive(self):
        """Whether the process still runs."""
        return self.process.poll() is None

    def _signal_interrupt(self):
        try:
            os.kill(self.process.pid, signal.SIGINT)
        except ProcessLookupError:
            pass

    def _send(self, request):
        line = json.dumps(request, ensure_ascii=False) + "\n"
        try:
            self.process.stdin.write(line.encode("utf-8"))
            self.process.stdin.flush()
        except (BrokenPipeError, OSError, ValueError) as error:
            raise ChorusSessionEnded(self._ended_message()) from error

    def _read(self):
        line = self.process.stdout.readline()
        if not line:
            raise ChorusSessionEnded(self._ended_message())
        return json.loads(line)

    def _ended_message(self):
        code = self.process.wait()
        if code == 0:
            return "the Chorus session has ended (`quit`); restart the kernel to start a new one"
        return f"the Chorus process ended with exit status {code}; restart the kernel to start a new one"
