"""The Jupyter side: Jupyter's requests in, the session's output parts out as Jupyter messages."""

import os
import time
import uuid

from ipykernel.kernelbase import Kernel

from . import __version__
from .session import ChorusSession, ChorusSessionEnded, chorus_binary

# Progress comes with every answered request; the display is redrawn at most this often.
PROGRESS_INTERVAL = 0.2


class ChorusKernel(Kernel):
    """Chorus cells in JupyterLab, Jupyter Notebook and VS Code, run by one `chorus --jsonl`."""

    implementation = "chorus_kernel"
    implementation_version = __version__
    language = "chorus"
    language_version = __version__
    language_info = {
        "name": "chorus",
        "version": __version__,
        "mimetype": "text/x-chorus",
        "file_extension": ".chorus",
        # No Chorus mode exists in CodeMirror or Pygments; Python's colours comments, strings and
        # numbers the same way.
        "codemirror_mode": "python",
        "pygments_lexer": "python",
    }
    banner = "Chorus: scripts for test-time scaling of LLM reasoning (`help` lists the commands)"
    help_links = []

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.chorus = ChorusSession(chorus_binary(os.environ), cwd=os.getcwd())
        # ipykernel adds one before each execute: the next cell then shows the number its first
        # result gets, as the REPL's prompt does.
        self.execution_count = 0

    async def do_execute(self, code, silent, store_history=True, user_expressions=None, allow_stdin=False):
        if not code.strip():
            return self._reply_ok()
        shown = _CellOutput(self, silent)
        try:
            for reply in self.chorus.request("execute", code=code):
                if reply["type"] == "part":
                    shown.show(reply)
                elif reply["type"] == "done":
                    return self._finish(reply, shown)
                else:
                    return self._error_reply("ChorusError", reply.get("message", "bad request"), shown)
        except ChorusSessionEnded as ended:
            return self._error_reply("ChorusSessionEnded", str(ended), shown)
        return self._error_reply("ChorusError", "the session gave no answer", shown)

    def _finish(self, done, shown):
        shown.clear_progress()
        number = done.get("number")
        count = number if number is not None else self.execution_count
        if done.get("next") is not None:
            self.execution_count = done["next"] - 1
        if done["status"] == "ok":
            return self._reply_ok(count)
        if done["status"] == "interrupted":
            return self._error_content(
                "Interrupted", "the statement was stopped; the session and its variables are kept", [], count
            )
        if shown.first_error is not None:
            ename, evalue, traceback = shown.first_error
            return self._error_content(ename, evalue, traceback, count)
        return self._error_content("ChorusError", "the statement failed", [], count)

    def _error_reply(self, ename, evalue, shown):
        shown.clear_progress()
        shown.show_error(ename, evalue, [evalue])
        return self._error_content(ename, evalue, [evalue], self.execution_count)

    def _reply_ok(self, count=None):
        return {
            "status": "ok",
            "execution_count": self.execution_count if count is None else count,
            "payload": [],
            "user_expressions": {},
        }

    @staticmethod
    def _error_content(ename, evalue, traceback, count):
        return {"status": "error", "execution_count": count, "ename": ename, "evalue": evalue, "traceback": traceback}

    async def do_complete(self, code, cursor_pos):
        cursor = len(code) if cursor_pos is None else cursor_pos
        reply = self._single("complete", code=code, cursor=cursor)
        if reply is None or reply["type"] != "completion":
            return {"status": "ok", "matches": [], "cursor_start": cursor, "cursor_end": cursor, "metadata": {}}
        return {
            "status": "ok",
            "matches": reply["matches"],
            "cursor_start": reply["cursor_start"],
            "cursor_end": reply["cursor_end"],
            "metadata": {},
        }

    async def do_inspect(self, code, cursor_pos, detail_level=0, omit_sections=()):
        cursor = len(code) if cursor_pos is None else cursor_pos
        reply = self._single("inspect", code=code, cursor=cursor)
        if reply is None or reply["type"] != "inspection" or not reply["found"]:
            return {"status": "ok", "found": False, "data": {}, "metadata": {}}
        return {"status": "ok", "found": True, "data": {"text/plain": reply["text"]}, "metadata": {}}

    def _single(self, type, **fields):
        """The final reply to a request that answers at once; None when the session has ended."""
        try:
            replies = list(self.chorus.request(type, **fields))
        except ChorusSessionEnded:
            return None
        return replies[-1] if replies else None

    async def interrupt_request(self, stream, ident, parent):
        """Interrupt (the spec's interrupt_mode is "message"): SIGINT to chorus, if a statement runs."""
        self.chorus.interrupt()
        self.session.send(stream, "interrupt_reply", {"status": "ok"}, parent, ident=ident)

    async def do_shutdown(self, restart):
        if self.chorus.is_alive:
            try:
                list(self.chorus.request("shutdown"))
            except ChorusSessionEnded:
                pass
        self.chorus.close()
        return {"status": "ok", "restart": restart}


class _CellOutput:
    """What one execute request shows, as Jupyter messages on the kernel's IOPub channel."""

    def __init__(self, kernel, silent):
        self.kernel = kernel
        self.silent = silent
        self.first_error = None
        self.progress_id = None
        self.progress_shown_at = 0.0
        self.progress_cleared = False

    def show(self, reply):
        part = reply["part"]
        kind = part["kind"]
        if kind == "progress":
            self._progress(part["text"])
        elif kind == "text":
            self._stream("stdout", part["text"])
        elif kind == "status":
            self._stream("stderr", part["text"])
        elif kind == "diagnostic":
            self._diagnostic(part)
        else:
            self._display(part["data"])

    def _diagnostic(self, part):
        if part["severity"] != "error":
            self._display(part["data"])
            return
        traceback = part["text"].rstrip("\n").split("\n")
        if self.first_error is None:
            self.first_error = ("ChorusError", part["message"], traceback)
        self.show_error("ChorusError", part["message"], traceback)

    def show_error(self, ename, evalue, traceback):
        if not self.silent:
            self._send("error", {"ename": ename, "evalue": evalue, "traceback": traceback})

    def _stream(self, name, text):
        if text:
            self._send("stream", {"name": name, "text": text})

    def _display(self, data):
        self._send("display_data", {"data": data, "metadata": {}, "transient": {}})

    def _progress(self, line):
        """One display per cell, redrawn in place and emptied when the work ends (a later
        statement of the cell draws in it again)."""
        if line is None:
            self.clear_progress()
            return
        now = time.monotonic()
        if self.progress_id is None:
            self.progress_id = uuid.uuid4().hex
            message_type = "display_data"
        elif self.progress_cleared or now - self.progress_shown_at >= PROGRESS_INTERVAL:
            message_type = "update_display_data"
        else:
            return
        self._send_progress(message_type, line)
        self.progress_shown_at = now
        self.progress_cleared = False

    def clear_progress(self):
        if self.progress_id is not None and not self.progress_cleared:
            self._send_progress("update_display_data", "")
            self.progress_cleared = True

    def _send_progress(self, message_type, line):
        self._send(
            message_type, {"data": {"text/plain": line}, "metadata": {}, "transient": {"display_id": self.progress_id}}
        )

    def _send(self, message_type, content):
        if not self.silent:
            self.kernel.send_response(self.kernel.iopub_socket, message_type, content)
