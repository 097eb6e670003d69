#!/usr/bin/env python3
"""Drives the real `chorus` REPL under a pseudo-terminal, as a person would.

Checks Tab completion (command names, file paths, fields after a dot), history
recall with Up (a statement typed over several lines comes back whole, also
after a restart), Ctrl-C on a half-typed line, Ctrl-C during a long command
(the session survives), help wrapped to the terminal's width, `clear`,
`:output FILE` (results copied to a file and still shown), `:mode csv`, and
Ctrl-D. Usage: repl_pty.py PATH_TO_CHORUS
Prints one line per check and a closing `N passed, N failed` line; exits 1 on
any failure.

Every step waits for what the terminal shows (an echo, a completion, a prompt),
never for a length of time, and no check asserts how long anything took: the
timeouts below only keep a broken REPL from hanging the suite.
"""

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import tempfile
import termios
import time

# The terminal's width in columns: help text must fit it.
COLUMNS = 64

# Long enough that no loaded machine reaches it; only a REPL that never answers does.
HANG_GUARD = 300.0

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|[\x01\x02\x07]")


class Terminal:
    """One `chorus` process on a pseudo-terminal."""

    def __init__(self, binary, cwd, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(cwd)
            os.execve(binary, [binary], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, COLUMNS, 0, 0))
        self.screen = ""
        # Everything read, escapes included, for the checks that look at them (`clear`).
        self.raw = ""

    def send(self, text):
        os.write(self.fd, text.encode())

    def expect(self, pattern, timeout=HANG_GUARD):
        """Waits until `pattern` appears in the output read since the last match."""
        deadline = time.monotonic() + timeout
        regex = re.compile(pattern)
        while True:
            plain = ANSI.sub("", self.screen)
            match = regex.search(plain)
            if match:
                self.consumed = plain[:match.start()]
                self.screen = plain[match.end():]
                return match
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"timed out waiting for {pattern!r}; output so far: {plain[-400:]!r}")
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"chorus exited while waiting for {pattern!r}; output: {plain[-400:]!r}")
                text = chunk.decode(errors="replace")
                self.screen += text
                self.raw += text

    def wait_exit(self, timeout=HANG_GUARD):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            try:
                if select.select([self.fd], [], [], 0.05)[0]:
                    os.read(self.fd, 4096)
            except OSError:
                pass
        os.kill(self.pid, signal.SIGKILL)
        raise AssertionError("chorus did not exit")


def main():
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="chorus-pty-")
    with open(os.path.join(work, "greeting-script.chorus"), "w") as script:
        script.write('greeting = "hello from a file"\nprint greeting\n')
    with open(os.path.join(work, "slow.chorus"), "w") as script:
        script.write('print "now sleeping"\nsleep 86400\n')
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": work,
        "XDG_DATA_HOME": os.path.join(work, "data"),
        "TERM": "xterm",
        "LANG": "C.UTF-8",
    }
    results = []

    def check(name, body):
        try:
            body()
            results.append((name, None))
            print(f"ok      {name}")
        except AssertionError as error:
            results.append((name, error))
            print(f"FAILED  {name}: {error}")

    term = Terminal(binary, work, env)

    def first_prompt():
        term.expect(r"chorus\[1\]> ")

    def tab_completes_command():
        # Line editing redraws the completed word from the cursor: the screen shows the rest of it.
        term.send("pri\t")
        term.expect(r"nt ")
        term.send("40 + 2\r")
        term.expect(r"\n42\r?\n")
        term.expect(r"chorus\[2\]> ")

    def tab_completes_path():
        term.send('run "greeting-s\t')
        term.expect(r"cript\.chorus")
        term.send('"\r')
        term.expect(r"hello from a file")
        term.expect(r"chorus\[\d+\]> ")

    def tab_completes_variable():
        term.send("print gree\t")
        term.expect(r"ting")
        term.send("\r")
        term.expect(r"hello from a file")
        term.expect(r"chorus\[\d+\]> ")

    def ctrl_c_discards_half_typed_line():
        term.send("this line is not finished")
        term.expect(r"not finished")
        term.send("\x03")
        term.expect(r"chorus\[\d+\]> ")
        term.send("7 * 6\r")
        term.expect(r"\n42\r?\n")
        term.expect(r"chorus\[\d+\]> ")

    def ctrl_c_amid_typed_keys_discards_them():
        # The Ctrl-C comes in the same burst as the keys before it, so it lands while line editing
        # is still taking them in, not while it waits for the next one.
        term.send("these keys are abandoned\x03")
        term.expect(r"chorus\[\d+\]> ")
        term.send("6 * 7\r")
        term.expect(r"\n42\r?\n")
        term.expect(r"chorus\[\d+\]> ")

    def ctrl_c_stops_long_command_and_keeps_session():
        # The script prints before it sleeps, so the Ctrl-C lands while the statement runs; the sleep
        # is a day long, so only the Ctrl-C can bring the prompt back.
        term.send('run "slow.chorus"\r')
        term.expect(r"now sleeping")
        term.send("\x03")
        term.expect(r"stopped: interrupted")
        term.expect(r"chorus\[\d+\]> ")
        term.send("greeting\r")
        term.expect(r'"hello from a file"')
        term.expect(r"chorus\[\d+\]> ")

    def multi_line_statement():
        term.send("xs = [1,\r")
        term.expect(r"\.\.\.> ")
        term.send("2, 3]\r")
        term.expect(r"chorus\[\d+\]> ")
        term.send("xs.count\r")
        term.expect(r"\n3\r?\n")
        term.expect(r"chorus\[\d+\]> ")

    def loop_continues_until_end_and_ctrl_c_stops_it():
        # The body's lines get the continuation prompt until `end`; the day-long sleep in the first
        # iteration means only the Ctrl-C can end the loop, and the note says where it stopped.
        term.send("for k in [1, 2]\r")
        term.expect(r"\.\.\.> ")
        term.send('  print "iteration" k\r')
        term.expect(r"\.\.\.> ")
        term.send("  sleep 86400\r")
        term.expect(r"\.\.\.> ")
        term.send("end\r")
        term.expect(r"iteration 1")
        term.send("\x03")
        term.expect(r"stopped: interrupted")
        term.expect(r"the loop stopped at k = 1 \(iteration 1 of 2\)")
        term.expect(r"chorus\[\d+\]> ")

    def up_recalls_a_multi_line_statement_whole():
        # The last entry is `xs.count`; the one before it the two lines of `xs = [1,` `2, 3]`.
        term.send("\x1b[A")
        term.expect(r"xs\.count")
        term.send("\x1b[A")
        # Line editing redraws only what differs from `xs.count`: the rest of the first line on.
        term.expect(r"= \[1,\r?\n2, 3\]")
        term.send("\r")
        term.expect(r"chorus\[\d+\]> ")
        assert "...>" not in term.screen, "the recalled statement was read line by line"

    def tab_completes_a_field_after_a_dot():
        term.send("xs.co\t")
        term.expect(r"unt")
        term.send("\r")
        term.expect(r"\n3\r?\n")
        term.expect(r"chorus\[\d+\]> ")

    def help_wraps_to_the_terminal_width():
        term.send("help vote\r")
        term.expect(r"chorus\[\d+\]> ")
        body = term.consumed
        lines = [line for line in body.replace("\r", "").split("\n") if line.strip()]
        assert any(line.startswith("Groups each problem") for line in lines), f"no help text: {body[-300:]!r}"
        too_wide = [line for line in lines[1:-1] if len(line) > COLUMNS and " " in line.strip()]
        assert not too_wide, f"lines wider than {COLUMNS}: {too_wide!r}"

    def clear_clears_the_screen():
        term.raw = ""
        term.send("clear\r")
        term.expect(r"chorus\[\d+\]> ")
        assert "\x1b[2J" in term.raw, f"no erase-screen sequence: {term.raw!r}"

    def output_copies_results_to_a_file():
        term.send(':output "copy.txt"\r')
        term.expect(r"output also goes to copy\.txt")
        term.expect(r"chorus\[\d+\]> ")
        term.send("6 * 7\r")
        term.expect(r"\n42\r?\n")
        term.expect(r"chorus\[\d+\]> ")
        term.send(":output off\r")
        term.expect(r"stopped copying output")
        term.expect(r"chorus\[\d+\]> ")
        term.send("6 * 8\r")
        term.expect(r"\n48\r?\n")
        term.expect(r"chorus\[\d+\]> ")
        with open(os.path.join(work, "copy.txt")) as copy:
            assert copy.read() == "42\n", "the copy does not hold exactly the results shown while on"

    def mode_csv_prints_tables_as_csv():
        term.send('data = builtin arithmetic count: 2 seed: 1; s = responses data [["1", "2"], ["3", "4"]]\r')
        term.expect(r"chorus\[\d+\]> ")
        term.send(":mode csv\r")
        term.expect(r"tables print as csv")
        term.expect(r"chorus\[\d+\]> ")
        term.send("compare s\r")
        term.expect(r"strategy,acc,ci_lower,ci_upper")
        term.expect(r"responses pass@1,")
        term.expect(r"chorus\[\d+\]> ")
        term.send(":mode text\r")
        term.expect(r"chorus\[\d+\]> ")

    def ctrl_d_exits_cleanly():
        term.send("\x04")
        code = term.wait_exit()
        assert code == 0, f"exit code {code}"

    for name, body in [
        ("prompt appears", first_prompt),
        ("Tab completes a command name", tab_completes_command),
        ("Tab completes a file path inside a string", tab_completes_path),
        ("Tab completes a variable name", tab_completes_variable),
        ("Ctrl-C on a half-typed line gives a fresh prompt", ctrl_c_discards_half_typed_line),
        ("Ctrl-C amid a burst of typed keys drops them", ctrl_c_amid_typed_keys_discards_them),
        ("Ctrl-C during a long command stops it and keeps the session", ctrl_c_stops_long_command_and_keeps_session),
        ("a loop continues until its end, and Ctrl-C stops it", loop_continues_until_end_and_ctrl_c_stops_it),
        ("an unfinished statement continues on the next line", multi_line_statement),
        ("Up recalls a statement typed over several lines as one", up_recalls_a_multi_line_statement_whole),
        ("Tab completes a field after a dot", tab_completes_a_field_after_a_dot),
        ("help wraps to the terminal's width", help_wraps_to_the_terminal_width),
        ("clear clears the screen", clear_clears_the_screen),
        (":output copies results to a file while showing them", output_copies_results_to_a_file),
        (":mode csv prints tables as CSV", mode_csv_prints_tables_as_csv),
        ("Ctrl-D exits with status 0", ctrl_d_exits_cleanly),
    ]:
        check(name, body)

    restarted = Terminal(binary, work, env)

    def up_recalls_history_after_restart():
        restarted.expect(r"chorus\[1\]> ")
        restarted.send("\x1b[A")
        restarted.expect(r":mode text")
        restarted.send("\x15")  # Ctrl-U clears the recalled line
        restarted.send("\x04")
        assert restarted.wait_exit() == 0

    check("Up recalls the previous line after a restart", up_recalls_history_after_restart)

    failed = sum(1 for _, error in results if error)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
