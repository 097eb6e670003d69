"""The Chorus kernel end to end: notebooks run headlessly with nbclient through the real kernel
(the Python wrapper in jupyter/chorus_kernel driving the built `chorus --jsonl`).

Run by scripts/test with the Jupyter venv's python and CHORUS_BIN set to the built binary:
    CHORUS_BIN=.build/debug/chorus ~/.cache/chorus/jupyter-venv/bin/python \
        -m unittest discover -s Tests/Jupyter -p 'test_*.py'
No test waits for a duration: each waits for the kernel's replies, with generous limits.
"""

import os
import shutil
import sys
import tempfile
import unittest

import nbformat
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "jupyter"))

import write_kernel_spec  # noqa: E402

REPLAY = os.path.join(REPO, "tutorials", "fixtures", "05-bring-your-own-server.samples.jsonl")
# The limit for one cell: generous, since the machine may be busy; no cell comes near it.
CELL_LIMIT = 600


class ChorusKernelTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        binary = os.environ.get("CHORUS_BIN")
        if not binary or not os.access(binary, os.X_OK):
            raise unittest.SkipTest("CHORUS_BIN does not name the built chorus binary")
        cls.folder = tempfile.mkdtemp(prefix="chorus-kernel-test-")
        # A kernel spec of this clone and binary, found before any installed one; a store of its own.
        spec = os.path.join(cls.folder, "jupyter", "kernels", "chorus")
        write_kernel_spec.main([spec, sys.executable, os.path.join(REPO, "jupyter"), os.path.abspath(binary)])
        cls.saved_environment = dict(os.environ)
        os.environ["JUPYTER_PATH"] = os.path.join(cls.folder, "jupyter")
        os.environ["XDG_DATA_HOME"] = os.path.join(cls.folder, "data")
        os.environ.pop("CHORUS_BIN")
        cls.work = os.path.join(cls.folder, "work")
        os.makedirs(cls.work)

    @classmethod
    def tearDownClass(cls):
        os.environ.clear()
        os.environ.update(cls.saved_environment)
        shutil.rmtree(cls.folder, ignore_errors=True)

    def run_notebook(self, sources, timeout_func=None):
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_code_cell(source) for source in sources]
        client = NotebookClient(
            notebook,
            kernel_name="chorus",
            timeout=CELL_LIMIT,
            timeout_func=timeout_func,
            interrupt_on_timeout=True,
            allow_errors=True,
            resources={"metadata": {"path": self.work}},
        )
        client.execute()
        return notebook.cells

    @staticmethod
    def text(cell, name="stdout"):
        return "".join(output["text"] for output in cell.outputs if output.get("name") == name)

    @staticmethod
    def displays(cell):
        return [output["data"] for output in cell.outputs if output["output_type"] == "display_data"]

    def test_a_notebook_samples_from_a_replay_model_votes_compares_and_plots(self):
        cells = self.run_notebook(
            [
                "data = builtin arithmetic count: 8 seed: 2",
                f'm = model "replay:{REPLAY}"',
                "s = sample m data n: 4 temperature: 0.7 seed: 1 max_tokens: 320",
                "v = vote s k: 4\ncompare s v",
                "plot s",
                "s.problems",
            ]
        )
        self.assertIn("sample: 0 from the store, 32 drawn from replay", self.text(cells[2], "stderr"))
        # The comparison is a table: one display, as HTML and as the terminal shows it.
        tables = self.displays(cells[3])
        self.assertEqual(len(tables), 1)
        self.assertIn("maj@4", tables[0]["text/plain"])
        self.assertIn('<table class="chorus-table">', tables[0]["text/html"])
        self.assertIn("<th>strategy</th>", tables[0]["text/html"])
        plot = self.displays(cells[4])
        self.assertEqual(len(plot), 1)
        self.assertIn("pass@", plot[0]["text/plain"])
        # The plot is an SVG image (shown even where a notebook's HTML is sanitised), its numbers as text.
        self.assertTrue(plot[0]["image/svg+xml"].lstrip().startswith("<svg"), plot[0]["image/svg+xml"][:80])
        self.assertIn("</svg>", plot[0]["image/svg+xml"])
        self.assertEqual(self.text(cells[5]), "8\n")

    def test_an_error_shows_its_caret_and_the_session_goes_on(self):
        cells = self.run_notebook(["x = 3", "nope x", "print x"])
        errors = [output for output in cells[1].outputs if output["output_type"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertEqual(errors[0]["ename"], "ChorusError")
        self.assertIn("nope", errors[0]["evalue"])
        self.assertIn("1 | nope x", errors[0]["traceback"])
        self.assertIn("  | ^~~~", errors[0]["traceback"])
        self.assertEqual(self.text(cells[2]), "3\n")

    def test_an_interrupt_stops_the_statement_and_keeps_the_session(self):
        # nbclient interrupts the kernel when a cell passes its limit: the sleep's is short, and
        # the sleep can never end on its own first.
        cells = self.run_notebook(
            ["x = 7", "sleep 86400", "x"],
            timeout_func=lambda cell: 3 if cell.source.startswith("sleep") else CELL_LIMIT,
        )
        self.assertIn("stopped: interrupted; the session and its variables are kept", self.text(cells[1], "stderr"))
        self.assertEqual(self.text(cells[2]), "7\n")

    def test_progress_shows_in_one_display_that_is_emptied_at_the_end(self):
        manager, client = start_new_kernel(kernel_name="chorus", cwd=self.work, startup_timeout=CELL_LIMIT)
        messages = []
        try:
            code = (
                "data = builtin arithmetic count: 8 seed: 2\n"
                f'm = model "replay:{REPLAY}"\n'
                "p = sample m data n: 4 temperature: 0.7 seed: 1 max_tokens: 320 name: \"progress\""
            )
            reply = client.execute_interactive(code, timeout=CELL_LIMIT, output_hook=messages.append)
            self.assertEqual(reply["content"]["status"], "ok")
        finally:
            client.stop_channels()
            manager.shutdown_kernel()
        progress = [
            (message["msg_type"], message["content"]["data"]["text/plain"], message["content"]["transient"])
            for message in messages
            if message["msg_type"] in ("display_data", "update_display_data")
        ]
        self.assertGreaterEqual(len(progress), 2)
        kind, first, transient = progress[0]
        self.assertEqual(kind, "display_data")
        self.assertTrue(first.startswith("sampling "), first)
        self.assertTrue(all(entry[2] == transient for entry in progress))
        self.assertEqual(progress[-1][:2], ("update_display_data", ""))

    def test_completion_inspection_and_language(self):
        manager, client = start_new_kernel(kernel_name="chorus", cwd=self.work, startup_timeout=CELL_LIMIT)
        try:
            # [N] is the session's _N: a command that records no result (help) shows the next number.
            counts = []
            for code in ["samples = [1, 2]", "help sleep", "y = samples.count\ny", "_3"]:
                reply = client.execute_interactive(code, timeout=CELL_LIMIT, output_hook=lambda message: None)
                self.assertEqual(reply["content"]["status"], "ok")
                counts.append(reply["content"]["execution_count"])
            self.assertEqual(counts, [1, 2, 3, 4])
            client.complete("x = sam", 7)
            completion = client.get_shell_msg(timeout=CELL_LIMIT)["content"]
            self.assertEqual(completion["matches"], ["sample", "samples"])
            self.assertEqual((completion["cursor_start"], completion["cursor_end"]), (4, 7))
            client.inspect("vote s", 2)
            inspection = client.get_shell_msg(timeout=CELL_LIMIT)["content"]
            self.assertTrue(inspection["found"])
            self.assertTrue(inspection["data"]["text/plain"].startswith("vote "))
            client.inspect("zzz", 1)
            self.assertFalse(client.get_shell_msg(timeout=CELL_LIMIT)["content"]["found"])
            client.kernel_info()
            language = client.get_shell_msg(timeout=CELL_LIMIT)["content"]["language_info"]
            self.assertEqual((language["name"], language["file_extension"]), ("chorus", ".chorus"))
        finally:
            client.stop_channels()
            manager.shutdown_kernel()


if __name__ == "__main__":
    unittest.main()
