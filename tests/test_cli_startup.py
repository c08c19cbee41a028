"""What the command line loads before a command runs, and how the draft command leaves the process."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import typer
from typer.testing import CliRunner

from etfwriter import cli_draft

HEAVY = ("pandas", "numpy", "matplotlib", "langchain_core", "tiktoken")


def _loaded_after(code: str) -> dict:
    probe = f"{code}\nimport json, sys\nprint(json.dumps({{m: m in sys.modules for m in {HEAVY!r}}}))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_cli_and_the_chart_worker_module_load_no_data_or_model_libraries():
    # `etfwriter draft` forks its chart process before the data tools load; --help stays quick
    assert not any(_loaded_after("import etfwriter.cli").values())
    assert not any(_loaded_after("import etfwriter.chart_worker").values())


def test_help_lists_every_command():
    out = subprocess.run([sys.executable, "-m", "etfwriter.cli", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    for name in ("facts", "draft", "eval", "extract", "mcp", "data"):
        assert name in out.stdout


def test_draft_in_process_leaves_the_garbage_collector_on(tmp_path):
    app = typer.Typer()
    cli_draft.register(app)
    app.callback()(lambda: None)
    assert gc.isenabled()
    res = CliRunner().invoke(app, ["draft", "--week", "2031-03-03", "--data", str(tmp_path / "nope"),
                                   "--out", str(tmp_path / "out")])
    assert res.exit_code == 2
    assert gc.isenabled()


def test_a_standalone_run_freezes_the_collector_on_the_way_out():
    code = """
import gc, typer
from etfwriter import _cli_common
app = typer.Typer()
@app.command()
def hello() -> None:
    print("standalone" if _cli_common.STANDALONE else "embedded")
try:
    _cli_common.run_standalone(app)
except SystemExit as exc:
    print("exit", exc.code, "frozen", gc.get_freeze_count() > 0)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["standalone", "exit", "0", "frozen", "True"]
