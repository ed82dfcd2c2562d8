"""Pairwise comparison: the cases in tests/cases/pairwise.yaml, the result contract, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from consistency.cli import app
from consistency.compare.pairwise import LABELS, PairResult, compare_pair, compare_pairs
from consistency.errors import InputError

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "pairwise.yaml").read_text("utf-8"))


def _id(case: dict) -> str:
    return f"{case['label']}-{case.get('kind') or '-'}-{case['a'][:28]}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_case(case):
    r = compare_pair(case["a"], case["b"], embedder=False)
    assert (r.label, r.kind if case.get("kind") else None) == (case["label"], case.get("kind")), r.reason
    texts = {"a": case["a"], "b": case["b"]}
    for span in r.spans:  # spans index the original statements
        assert texts[span["side"]][span["start"]:span["end"]] == span["text"]
    for side in ("a", "b"):
        if f"span_{side}" in case:
            assert any(case[f"span_{side}"] in s["text"] for s in r.spans if s["side"] == side)


def test_cases_cover_both_languages_and_every_label():
    assert len(CASES) >= 60
    arabic = [c for c in CASES if any("\u0600" <= ch <= "\u06ff" for ch in c["a"])]
    assert len(arabic) >= 20 and len(CASES) - len(arabic) >= 20
    assert {c["label"] for c in CASES} == set(LABELS)


def test_contradiction_is_symmetric_in_label_and_kind():
    for case in CASES:
        ab = compare_pair(case["a"], case["b"], embedder=False)
        ba = compare_pair(case["b"], case["a"], embedder=False)
        assert (ab.label, ab.kind) == (ba.label, ba.kind), case


def test_result_is_a_frozen_value_with_one_sentence_reason():
    r = compare_pair("The bridge was closed", "The bridge was opened", embedder=False)
    assert isinstance(r, PairResult)
    with pytest.raises(AttributeError):
        r.label = "agree"  # type: ignore[misc]
    assert r.reason and "\n" not in r.reason
    assert set(r.to_dict()) == {"label", "kind", "reason", "spans", "similarity"}


def test_batch_equals_single_calls():
    pairs = [(c["a"], c["b"]) for c in CASES[:12]]
    assert compare_pairs(pairs, embedder=False) == [compare_pair(a, b, embedder=False) for a, b in pairs]


def test_similarity_from_the_caller_decides_unrelated():
    class Fixed:  # an embedder whose vectors say the two texts are orthogonal
        thresholds = {"same_aspect": 0.4}

        def encode(self, texts):
            import numpy as np

            return np.eye(len(texts), dtype=np.float32)

    r = compare_pair("The market reopened", "Rain is expected tomorrow", embedder=Fixed())
    assert r.label == "unrelated" and r.similarity == 0.0


@pytest.mark.parametrize("a,b", [("", "text"), ("text", "   "), (None, "text")])
def test_bad_statements_raise_input_error(a, b):
    with pytest.raises(InputError):
        compare_pair(a, b, embedder=False)


# --- CLI -------------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_one_pair_prints_label_kind_reason_spans():
    out = runner.invoke(app, ["compare", "Five were killed", "Nine were killed", "--embedder", "none"])
    assert out.exit_code == 0, out.output
    assert "label: contradict" in out.output and "kind: number" in out.output
    assert "span a [0:4]: Five" in out.output


def test_cli_csv_with_header_keeps_input_order(tmp_path):
    f = tmp_path / "pairs.csv"
    f.write_text("s1,s2,stance\nThe road was opened,The road was closed,disagree\n"
                 "\"Two died, police said\",Police said two died,agree\n", encoding="utf-8")
    out = runner.invoke(app, ["compare", "--file", str(f), "--json", "--embedder", "none"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert [r["label"] for r in rows] == ["contradict", "agree"]
    assert all(set(r) == {"label", "kind", "reason", "spans", "similarity"} for r in rows)


def test_cli_csv_without_header_and_jsonl(tmp_path):
    csv_file = tmp_path / "pairs.csv"
    csv_file.write_text("The talks failed,The talks succeeded\n", encoding="utf-8")
    jsonl = tmp_path / "pairs.jsonl"
    jsonl.write_text(json.dumps({"a": "ارتفاع أسعار النفط", "b": "انخفاض أسعار النفط"},
                                ensure_ascii=False) + "\n\n", encoding="utf-8")
    for f in (csv_file, jsonl):
        out = runner.invoke(app, ["compare", "--file", str(f), "--json", "--embedder", "none"])
        assert out.exit_code == 0, out.output
        assert [json.loads(x)["label"] for x in out.output.splitlines()] == ["contradict"]


@pytest.mark.parametrize("name,content,line", [
    ("bad.jsonl", '{"a": "x", "b": "y"}\n{"a": "x"\n', 2),
    ("bad.jsonl", '{"a": "x", "b": "y"}\n{"a": "x"}\n', 2),
    ("bad.csv", "s1,s2\nonly one column\n", 2),
    ("empty.csv", "", None),
])
def test_cli_bad_file_names_file_and_line(tmp_path, name, content, line):
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    out = runner.invoke(app, ["compare", "--file", str(f), "--json", "--embedder", "none"])
    assert out.exit_code == 2
    where = f"{f}:{line}" if line else str(f)
    assert where in out.output and "Traceback" not in out.output


def test_cli_missing_file_and_missing_statement_exit_2(tmp_path):
    assert runner.invoke(app, ["compare", "--file", str(tmp_path / "nope.csv")]).exit_code == 2
    assert runner.invoke(app, ["compare", "only one"]).exit_code == 2
    out = runner.invoke(app, ["compare", "a b", "c d", "--embedder", "bogus"])
    assert out.exit_code == 2 and "unknown embedder" in out.output


# --- any input -------------------------------------------------------------------------------

# letters, digits of both scripts, diacritics, tatweel, ligatures, bidi marks, lexicon words
_PIECES = st.sampled_from(list("abc XYZ 12,.%'\u064b\u0640ﻻﷲ") + ["\u200f", "\n", "—", "؟", "،"]
                          + "لم يرتفع انخفاض في غزة ٣٠ not rose fell".split())
_TEXT = st.lists(_PIECES, min_size=1, max_size=25).map("".join)


@settings(max_examples=150, deadline=None)
@given(_TEXT, _TEXT)
def test_any_text_gives_a_result_whose_spans_index_it(a, b):
    if not a.strip() or not b.strip():
        with pytest.raises(InputError):
            compare_pair(a, b, embedder=False)
        return
    r = compare_pair(a, b, embedder=False)
    assert r.label in LABELS and (r.kind is None) == (r.label != "contradict")
    for span in r.spans:
        text = a if span["side"] == "a" else b
        assert text[span["start"]:span["end"]] == span["text"]
