"""The seed article end to end with the real default embedder (multilingual USE)."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest
from typer.testing import CliRunner

from consistency.cli import app
from consistency.models import Report

pytestmark = pytest.mark.slow
SEED = "seeds/000_34fca0c25e0ca85f.txt"


@pytest.fixture
def seed_report(shared, tmp_path):
    src = tmp_path / "seed"
    src.mkdir()
    shutil.copy(shared / SEED, src / "seed.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["report", str(src / "seed.txt"), "-o", str(out), "--format", "json,md",
                                      "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    return json.loads((out / "report.json").read_text(encoding="utf-8")), out


def test_seed_flags_what_an_analyst_finds(seed_report):
    data, _ = seed_report
    kinds = {d["kind"] for d in data["discrepancies"]}
    assert {"perpetrator", "target"} <= kinds
    assert kinds & {"justification", "responsibility"}
    assert "casualty_count" not in kinds  # 2 killed (AP) and al-Saidi plus another official agree


def test_seed_keeps_the_earlier_strikes_apart(seed_report):
    data, _ = seed_report
    main = {d["event_id"] for d in data["discrepancies"]}
    austin = [c for c in data["claims"] if "ضرورية ومتكافئة" in c["text"]]
    assert austin and all(c["event_id"] not in main for c in austin)
    related = [e for e in data["events"] if e["id"] in {c["event_id"] for c in austin}]
    assert related and all(e["related_event_ids"] for e in related)


def test_seed_spans_quote_the_text(seed_report):
    data, _ = seed_report
    text = data["documents"][0]["text"]
    for c in data["claims"]:
        assert text[c["span"][0] : c["span"][1]] == c["text"]
    for d in data["discrepancies"]:
        assert d["summary"]
        for side in d["sides"]:
            for q in side["quotes"]:
                assert text[q["span"][0] : q["span"][1]] == q["text"]


def test_report_is_deterministic_and_valid(seed_report, tmp_path):
    data, out = seed_report
    first = (out / "report.json").read_bytes()
    again = tmp_path / "again"
    result = CliRunner().invoke(app, ["report", str(tmp_path / "seed" / "seed.txt"), "-o", str(again),
                                      "--format", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert (again / "report.json").read_bytes() == first
    jsonschema.validate(data, Report.model_json_schema())
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# Consistency report")
