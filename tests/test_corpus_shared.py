"""The shared seed and corpora load as the design expects (skipped when ../shared is absent)."""

import json
from pathlib import Path

import pytest

from consistency.corpus import detect_language, load_corpus

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def shared():
    if not SHARED.is_dir():
        pytest.skip("../shared not found")
    return SHARED


def test_seed_file_date_language_title(shared):
    corpus = load_corpus(shared / "seeds" / "000_34fca0c25e0ca85f.txt")
    (doc,) = corpus.documents
    assert doc.date == "2024-01-04"
    assert doc.language == "ar"
    assert doc.title == "قصف أمريكي على بغداد"
    assert doc.text_line == 4 and doc.line == 1
    lines = (shared / "seeds" / "000_34fca0c25e0ca85f.txt").read_text("utf-8").split("\n")
    assert doc.text == "\n".join(lines[3:]).rstrip()


@pytest.mark.parametrize("name", ["baghdad-2024-01-04", "gaza-aid-convoy-2024-02-29"])
def test_shared_corpus_matches_its_jsonl(shared, name):
    folder = shared / "corpora" / name
    records = [json.loads(line) for line in (folder / "documents.jsonl").read_text("utf-8").splitlines() if line.strip()]
    corpus = load_corpus(folder)
    assert corpus.skipped == []
    assert [d.id for d in corpus.documents] == sorted(r["id"] for r in records)
    by_id = {d.id: d for d in corpus.documents}
    for number, record in enumerate(records, start=1):
        doc = by_id[record["id"]]
        assert (doc.text, doc.date, doc.language, doc.source) == (record["text"], record["date"], record["language"], record["source"])
        assert doc.path == "documents.jsonl" and doc.line == number


@pytest.mark.parametrize("name", ["baghdad-2024-01-04", "gaza-aid-convoy-2024-02-29"])
def test_detected_language_agrees_with_the_given_one(shared, name):
    for line in (shared / "corpora" / name / "documents.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            assert detect_language(record["text"]) == record["language"], record["id"]
