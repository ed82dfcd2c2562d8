"""The gate's commands: exit codes 0 / 1 / 2, formats, -o, baseline and config.

The pipeline is replaced by the gate's test report here (`build_report` is the gate's one call
into it), so these tests are about the commands; test_gate_pipeline.py runs the real one.
"""

from __future__ import annotations

import importlib
import json
import xml.etree.ElementTree as ET

import pytest
from gate_reports import gate_report
from typer.testing import CliRunner

from consistency.cli import app
from consistency.errors import InputError
from consistency.gate import make_baseline

runner = CliRunner()
# The module, not the `check` function the package re-exports under the same name.
GATE_CHECK = importlib.import_module("consistency.gate.check")


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A corpus folder whose report is the gate's test report (documents listed in `present`)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    monkeypatch.chdir(tmp_path)
    state = {"drop": set()}

    def fake_build_report(path, settings):
        if not (tmp_path / path).exists():
            raise InputError(str(path), "no such file or folder")
        state["settings"] = settings
        return gate_report(drop=state["drop"])

    monkeypatch.setattr(GATE_CHECK, "build_report", fake_build_report)
    return state


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_exit_1_with_findings_and_text_names_them(corpus):
    result = run("check", "corpus")
    assert result.exit_code == 1
    assert "NEW casualty_count/killed [high]" in result.stdout
    assert "FAIL: 4 new findings need review" in result.stdout


def test_baseline_round_trip_then_new_document_then_stale(corpus):
    corpus["drop"] = {"alfurat-mosul-strike"}
    written = run("baseline", "corpus", "-o", "reviewed.json")
    assert written.exit_code == 0, written.output
    assert "wrote reviewed.json: 3 discrepancies" in written.stdout
    assert run("check", "corpus", "--baseline", "reviewed.json").exit_code == 0

    corpus["drop"] = set()  # a new document brings a new conflicting claim
    result = run("check", "corpus", "--baseline", "reviewed.json")
    assert result.exit_code == 1
    assert "NEW target/target" in result.stdout and "alfurat-mosul-strike" in result.stdout

    corpus["drop"] = {"alfurat-mosul-strike", "reuters-mosul-strike"}  # the perpetrator dispute is gone
    result = run("check", "corpus", "--baseline", "reviewed.json")
    assert result.exit_code == 0
    assert "STALE perpetrator/perpetrator" in result.stdout
    assert run("check", "corpus", "--baseline", "reviewed.json", "--fail-on-stale").exit_code == 1


def test_rewriting_a_baseline_keeps_reviewer_reasons(corpus):
    assert run("baseline", "corpus", "-o", "reviewed.json").exit_code == 0
    data = json.loads(open("reviewed.json", encoding="utf-8").read())
    data["entries"][0]["reason"] = "both figures were published; kept as a dispute"
    open("reviewed.json", "w", encoding="utf-8").write(json.dumps(data))
    result = run("baseline", "corpus", "-o", "reviewed.json")
    assert "kept 1 reviewer reason" in result.stdout
    assert json.loads(open("reviewed.json", encoding="utf-8").read())["entries"][0]["reason"].startswith("both figures")


def test_settings_file_gives_baseline_and_gate(corpus, tmp_path):
    (tmp_path / "corpus" / "consistency.toml").write_text(
        'embedder = "tfidf"\nbaseline = "../reviewed.json"\nmin_severity = "medium"\n', encoding="utf-8")
    corpus["drop"] = {"alfurat-mosul-strike"}
    assert run("baseline", "corpus").exit_code == 0  # -o comes from the settings file
    assert (tmp_path / "reviewed.json").exists()
    corpus["drop"] = set()
    result = run("check", "corpus")
    assert result.exit_code == 0  # the new finding is low severity, the gate starts at medium
    assert "filtered target/target" in result.stdout
    assert corpus["settings"].embedder == "tfidf"
    assert run("check", "corpus", "--min-severity", "low").exit_code == 1
    assert run("check", "corpus", "--embedder", "use").exit_code == 0 and corpus["settings"].embedder == "use"


@pytest.mark.parametrize(
    "args, message",
    [
        (("check", "missing-corpus"), "missing-corpus: no such file or folder"),
        (("check", "corpus", "--baseline", "nope.json"), "nope.json: baseline file not found"),
        (("check", "corpus", "--expect", "gold.json"), "gold.json: expectations file not found"),
        (("check", "corpus", "--fail-on", "casualty_count,blame"), "unknown kind 'blame'"),
        (("check", "corpus", "--min-recall", "0.8"), "need --expect"),
        (("check", "corpus", "--config", "other.toml"), "other.toml: configuration file not found"),
        (("baseline", "corpus"), "give -o FILE"),
    ],
)
def test_exit_2_on_input_and_usage_errors_without_traceback(corpus, args, message):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


@pytest.mark.parametrize("args", [("check", "corpus", "--format", "xml"), ("check", "corpus", "--min-severity", "urgent"),
                                  ("check", "corpus", "--min-recall", "1.5"), ("check",)])
def test_exit_2_on_bad_options(corpus, args):
    assert run(*args).exit_code == 2


def test_bad_config_file_is_exit_2_naming_file_and_key(corpus, tmp_path):
    (tmp_path / "corpus" / "consistency.toml").write_text('min_severity = "severe"\n', encoding="utf-8")
    result = run("check", "corpus")
    assert result.exit_code == 2
    assert "consistency.toml: key 'min_severity'" in result.stderr


def test_debug_shows_the_exception(corpus):
    result = run("check", "corpus", "--baseline", "nope.json", "--debug")
    assert isinstance(result.exception, InputError)


@pytest.mark.parametrize("fmt", ["json", "junit", "sarif", "github"])
def test_formats_to_stdout_and_to_a_file(corpus, tmp_path, fmt):
    result = run("check", "corpus", "--format", fmt)
    assert result.exit_code == 1
    parse = {"json": json.loads, "sarif": json.loads, "junit": ET.fromstring,
             "github": lambda text: [line for line in text.splitlines() if line.startswith("::error file=")] or None}
    assert parse[fmt](result.stdout) is not None
    out = tmp_path / "out" / f"result.{fmt}"
    written = run("check", "corpus", "--format", fmt, "-o", out)
    assert written.exit_code == 1
    assert out.read_text(encoding="utf-8") == result.stdout
    assert written.stdout.startswith("consistency check: corpus")  # the log still gets the text


def test_json_output_is_the_check_result(corpus):
    data = json.loads(run("check", "corpus", "--format", "json", "--fail-on", "perpetrator").stdout)
    assert data["exit_code"] == 1
    assert {f["discrepancy"]["kind"]: f["status"] for f in data["findings"]}["perpetrator"] == "new"
    assert data["counts"]["filtered"] == 3


def test_config_command_shows_values_and_sources(corpus, tmp_path):
    (tmp_path / "corpus" / "consistency.toml").write_text(
        'embedder = "tfidf"\n[[ignores]]\nkind = "target"\nreason = "reviewed by the desk"\n', encoding="utf-8")
    result = run("config", "corpus", "--embedder", "use")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert f"(config file: {'corpus/consistency.toml'})" in lines[0]
    assert 'embedder = "use"  # command line' in lines
    assert 'ignores = [{"kind" = "target", "reason" = "reviewed by the desk"}]  # corpus/consistency.toml' in lines
    assert "min_severity = \"low\"  # default" in lines
    data = json.loads(run("config", "corpus", "--json").stdout)
    assert data["settings"]["embedder"] == "tfidf" and data["sources"]["embedder"] == "corpus/consistency.toml"


def test_baseline_is_the_same_whatever_the_document_order(corpus, monkeypatch, tmp_path):
    assert run("baseline", "corpus", "-o", "a.json").exit_code == 0
    monkeypatch.setattr(GATE_CHECK, "build_report", lambda path, settings: gate_report(reverse=True))
    assert run("baseline", "corpus", "-o", "b.json").exit_code == 0
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == (tmp_path / "b.json").read_text(encoding="utf-8")
    assert make_baseline(gate_report()).to_json() == (tmp_path / "a.json").read_text(encoding="utf-8")
