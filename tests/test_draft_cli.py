"""`etfwriter draft` errors: one clear line, exit code 2, no traceback, nothing written."""

from __future__ import annotations

import pytest
import typer
from agent_helpers import WEEK, write_dataset_folder
from typer.testing import CliRunner

from etfwriter import cli_draft
from etfwriter.agent import AgentError, ModelConfig


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return write_dataset_folder(tmp_path_factory.mktemp("cli") / "data")


def _invoke(*args, env=None):
    app = typer.Typer()
    cli_draft.register(app)
    app.callback()(lambda: None)
    return CliRunner().invoke(app, ["draft", *args], env=env or {})


def _one_error_line(res, needle):
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and needle in lines[0], res.output


def test_register_adds_the_command():
    app = typer.Typer()
    cli_draft.register(app)
    assert [c.name for c in app.registered_commands] == ["draft"]


def test_unknown_week(tmp_path, data):
    out = tmp_path / "out"
    res = _invoke("--week", "2031-03-03", "--data", str(data), "--out", str(out))
    _one_error_line(res, "no trading days between 2031-03-03 and 2031-03-09 in the data (it covers 2024-01-02")
    assert not out.exists()


def test_missing_data(tmp_path):
    res = _invoke("--week", WEEK.isoformat(), "--data", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    _one_error_line(res, "file or folder not found")


def test_bad_data_file(tmp_path):
    bad = tmp_path / "panel.csv"
    bad.write_text("date,code\n2024-01-02,510300\n", encoding="utf-8")
    res = _invoke("--week", WEEK.isoformat(), "--data", str(bad), "--out", str(tmp_path / "out"))
    _one_error_line(res, "problem(s) in the data")


def test_named_model_without_endpoint(tmp_path, data):
    res = _invoke("--week", WEEK.isoformat(), "--data", str(data), "--model", "gpt-4o", "--out", str(tmp_path / "o"))
    _one_error_line(res, "model 'gpt-4o' needs an endpoint")


def test_start_after_end(tmp_path, data):
    res = _invoke("--start", "2024-12-06", "--end", "2024-12-02", "--data", str(data), "--out", str(tmp_path / "o"))
    _one_error_line(res, "start 2024-12-06 is after end 2024-12-02")


def test_out_is_a_file(tmp_path, data):
    f = tmp_path / "file"
    f.write_text("x", encoding="utf-8")
    res = _invoke("--week", WEEK.isoformat(), "--data", str(data), "--out", str(f))
    _one_error_line(res, "is not a folder")


def test_bad_options_are_usage_errors(tmp_path, data):
    for args in (["--lang", "fr"], ["--week", "12/01/2024"], ["--price", "mid"], ["--max-retries", "-1"]):
        res = _invoke(*args, "--data", str(data), "--out", str(tmp_path / "o"))
        assert res.exit_code == 2 and "Traceback" not in res.output, args


def test_model_selection(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    assert ModelConfig().resolved() == ("offline", None, None)
    assert ModelConfig(model="offline", api_key="k").resolved()[0] == "offline"
    assert ModelConfig(api_key="k").resolved() == ("gpt-4o-mini", None, "k")
    assert ModelConfig(model="qwen2.5", base_url="http://127.0.0.1:11434/v1").resolved() == ("qwen2.5", "http://127.0.0.1:11434/v1", None)
    monkeypatch.setenv("OPENAI_API_KEY", "env-key")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:8000/v1")
    assert ModelConfig(model="deepseek-chat").resolved() == ("deepseek-chat", "http://127.0.0.1:8000/v1", "env-key")
    with pytest.raises(AgentError):
        monkeypatch.delenv("OPENAI_API_KEY")
        monkeypatch.delenv("OPENAI_BASE_URL")
        ModelConfig(model="gpt-4o").resolved()


def test_chatopenai_is_configured_for_chat_completions(monkeypatch):
    from langchain_openai import ChatOpenAI

    from etfwriter.agent import make_model

    m = make_model(ModelConfig(model="m", base_url="http://127.0.0.1:9/v1", api_key="k", timeout=3, api_retries=1))
    assert isinstance(m, ChatOpenAI)
    assert m.use_responses_api is False and m.max_retries == 1 and m.request_timeout == 3
    assert m.openai_api_base == "http://127.0.0.1:9/v1"
    local = make_model(ModelConfig(model="llama3", base_url="http://127.0.0.1:9/v1"))
    assert local.openai_api_key.get_secret_value() == "not-needed"
