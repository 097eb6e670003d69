"""Notebooks and reports Chorus writes, checked with the tools that read them.

A session typed as at the REPL (a pipe) with a table, a plot and an error is saved as .ipynb, .md
and .html: the notebook validates with nbformat and holds every output; the HTML page, opened in
headless Chromium (--dump-dom), holds the table and the plot's SVG; the notebook re-executed through
the Chorus kernel (nbclient) shows the same outputs. The tutorials' notebooks
(tutorials/*.ipynb) validate too. Run by scripts/test with the Jupyter venv's python:

    CHORUS_BIN=.build/debug/chorus python -m unittest discover -s Tests/Notebooks
"""

import base64
import copy
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import nbformat
from nbclient import NotebookClient

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHORUS = os.path.abspath(os.environ.get("CHORUS_BIN", os.path.join(ROOT, ".build", "debug", "chorus")))
sys.path.insert(0, os.path.join(ROOT, "jupyter"))

import write_kernel_spec  # noqa: E402

SESSION = """\
data = builtin arithmetic count: 4 seed: 1
s = responses data [["#### 1", "#### 2"], ["#### 65", "#### 65"], ["#### 3", "x"], ["#### 3", "#### 3"]]
compare s (vote s k: 2)
plot s ks: [1, 2]
nosuch 3
save "session.ipynb"
save "session.md"
save "session.html"
"""


def chromium():
    """Debian's chromium (scripts/setup-system installs it)."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


class SavedSessionTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="chorus-notebooks-")
        environment = dict(os.environ, HOME=cls.folder, XDG_DATA_HOME=os.path.join(cls.folder, "data"))
        environment.pop("NO_COLOR", None)
        cls.run_result = subprocess.run(
            [CHORUS], input=SESSION, text=True, capture_output=True, cwd=cls.folder, env=environment, timeout=120
        )

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def read(self, name):
        with open(os.path.join(self.folder, name), encoding="utf-8") as file:
            return file.read()

    def test_the_session_ran_and_saved_three_files(self):
        # One statement failed on purpose (the error to show): exit 65.
        self.assertEqual(self.run_result.returncode, 65, self.run_result.stderr)
        for name in ("session.ipynb", "session.md", "session.html"):
            self.assertIn(f"saved 5 statements with their output to {name}", self.run_result.stdout)

    def test_the_notebook_validates_and_holds_every_output(self):
        notebook = nbformat.read(os.path.join(self.folder, "session.ipynb"), as_version=4)
        nbformat.validate(notebook)
        self.assertEqual(notebook.metadata.kernelspec.name, "chorus")
        self.assertEqual(notebook.metadata.language_info.name, "chorus")
        self.assertIn("version", notebook.metadata.chorus)
        outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
        bundles = [output.data for output in outputs if output.output_type == "display_data"]
        self.assertTrue(any("<table" in bundle.get("text/html", "") for bundle in bundles), "no HTML table")
        self.assertTrue(any("<svg" in bundle.get("image/svg+xml", "") for bundle in bundles), "no plot SVG")
        errors = [output for output in outputs if output.output_type == "error"]
        self.assertEqual(len(errors), 1)
        self.assertIn("unknown command", errors[0].evalue)
        self.assertTrue(any("^" in line for line in errors[0].traceback), "the error lacks its caret")

    def test_the_markdown_report_holds_every_output(self):
        report = self.read("session.md")
        self.assertIn("| strategy | acc % |", report)
        self.assertIn("```chorus\nnosuch 3\n```", report)
        self.assertIn("unknown command", report)
        start = report.index("(data:image/svg+xml;base64,") + len("(data:image/svg+xml;base64,")
        svg = base64.b64decode(report[start : report.index(")", start)]).decode("utf-8")
        self.assertIn("<svg", svg)

    def test_the_html_report_shows_the_table_and_the_plot_in_a_browser(self):
        browser = chromium()
        self.assertIsNotNone(browser, "chromium is not installed: run scripts/setup-system")
        page = os.path.join(self.folder, "session.html")
        result = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + page],
            capture_output=True,
            text=True,
            timeout=120,
            env=dict(os.environ, HOME=self.folder),
        )
        self.assertEqual(result.returncode, 0, result.stderr[-2000:])
        dom = result.stdout
        self.assertIn("<table", dom)
        self.assertIn("responses pass@1", dom)
        self.assertIn("<svg", dom)
        self.assertIn("unknown command", dom)
        # Self-contained: nothing for the browser to fetch.
        for fetch in ("<link", "<script", " src="):
            self.assertNotIn(fetch, self.read("session.html"))


    def test_the_notebook_reexecutes_through_the_kernel_to_the_same_outputs(self):
        saved = nbformat.read(os.path.join(self.folder, "session.ipynb"), as_version=4)
        spec = os.path.join(self.folder, "jupyter", "kernels", "chorus")
        write_kernel_spec.main([spec, sys.executable, os.path.join(ROOT, "jupyter"), CHORUS])
        environment = dict(os.environ)
        try:
            os.environ["JUPYTER_PATH"] = os.path.join(self.folder, "jupyter")
            os.environ["XDG_DATA_HOME"] = os.path.join(self.folder, "kernel-data")
            os.environ.pop("CHORUS_BIN", None)
            again = copy.deepcopy(saved)
            NotebookClient(
                again, kernel_name="chorus", timeout=600, allow_errors=True,
                resources={"metadata": {"path": self.folder}},
            ).execute()
        finally:
            os.environ.clear()
            os.environ.update(environment)
        for before, after in zip(saved.cells, again.cells):
            if before.cell_type == "code":
                self.assertEqual(shown(after), shown(before), before.source)


def shown(cell):
    """A cell's outputs as text: streams, display data by their plain text and SVG, errors by their
    message (a diagnostic's location names the front end it was typed in)."""
    text = []
    for output in cell.outputs:
        if output.output_type == "stream":
            text.append(output.text)
        elif output.output_type == "display_data" and output.data.get("text/plain"):
            text.append(output.data["text/plain"] + output.data.get("image/svg+xml", ""))
        elif output.output_type == "error":
            text.append(output.evalue)
    return "".join(text)


class TutorialNotebookTests(unittest.TestCase):
    def test_every_tutorial_notebook_validates(self):
        paths = sorted(glob.glob(os.path.join(ROOT, "tutorials", "*.ipynb")))
        self.assertTrue(paths)
        for path in paths:
            with self.subTest(path=os.path.basename(path)):
                nbformat.validate(nbformat.read(path, as_version=4))
                with open(path, encoding="utf-8") as file:
                    self.assertEqual(json.load(file)["metadata"]["kernelspec"]["name"], "chorus")


if __name__ == "__main__":
    unittest.main()
