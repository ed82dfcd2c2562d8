"""`consistency eval` on the shared Baghdad corpus meets the targets of issue 3 (recall >= 0.9,
precision >= 0.85, no trap flagged, attribution recall >= 0.85)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from consistency.cli import app

pytestmark = pytest.mark.slow


def test_baghdad_scores(shared, tmp_path):
    result = CliRunner().invoke(app, ["eval", str(shared / "corpora" / "baghdad-2024-01-04"), "--json",
                                      "--cache-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["recall"] >= 0.9
    assert scores["precision"] >= 0.85
    assert scores["traps_flagged"] == []
    assert scores["attribution_recall"] >= 0.85


def test_eval_names_a_missing_gold_file(tmp_path):
    (tmp_path / "a.txt").write_text("Two people were killed, police said.", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--embedder", "tfidf"])
    assert result.exit_code == 2
    assert "gold.json" in result.output
