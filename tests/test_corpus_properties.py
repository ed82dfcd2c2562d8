"""Property: whatever bytes a corpus file holds, loading it works or raises InputError."""

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from consistency.corpus import load_corpus, parse_date
from consistency.errors import InputError

SUFFIXES = (".txt", ".md", ".jsonl", ".json", ".csv")

# Text that looks like corpus files often enough to reach the parsers, not only the decoder.
_pieces = st.sampled_from(
    ["---\n", "date: 4 يناير 2024\n", "title: x\n", "id,text\n", '{"text": "', '"}\n', "[", "]", "{", "}",
     ",", ";", '"', "\n", "\r\n", "\r", "04-يناير-2024\n", "قال مصدر أمني ", "Police said ", "\u200f", "\ufeff"]
)
_texty = st.lists(st.one_of(_pieces, st.text(max_size=20)), max_size=12).map("".join)
_encoded = st.tuples(_texty, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256"])).map(
    lambda pair: pair[0].encode(pair[1], errors="replace")
)
CONTENT = st.one_of(st.binary(max_size=300), _encoded)


def _load(suffix: str, data: bytes, skip_bad: bool = False):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_bytes(data)
        return load_corpus(path if not skip_bad else folder, skip_bad=skip_bad, max_bytes=10_000)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(suffix=st.sampled_from(SUFFIXES), data=CONTENT)
@example(suffix=".json", data=b"[" * 50_000)
@example(suffix=".csv", data=b'text\n"unterminated')
@example(suffix=".md", data=b"---\n&a [*a, *a]\n---\nbody")
@example(suffix=".jsonl", data=b'{"text": "x", "date": "\xd9\xa4"}')
def test_any_bytes_load_or_raise_input_error(suffix, data):
    try:
        corpus = _load(suffix, data)
    except InputError as error:
        event(f"{suffix} error: {error.problem.split(':')[0][:40]}")
        assert str(error).split(":")[0].endswith(f"doc{suffix}")
        return
    event(f"{suffix} loaded")
    for doc in corpus.documents:
        assert doc.text.strip() and "\r" not in doc.text
        assert doc.date is None or parse_date(doc.date) == doc.date


@settings(max_examples=60, deadline=None)
@given(suffix=st.sampled_from(SUFFIXES), data=CONTENT)
def test_skip_bad_never_raises_anything_but_input_error(suffix, data):
    try:
        corpus = _load(suffix, data, skip_bad=True)
    except InputError as error:
        assert "no documents could be read" in str(error) or "no corpus files" in str(error)
        return
    assert len(corpus.documents) >= 1


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_parse_date_returns_iso_or_none(text):
    result = parse_date(text)
    assert result is None or (len(result) == 10 and parse_date(result) == result)


@settings(max_examples=80, deadline=None)
@given(records=st.lists(st.dictionaries(st.sampled_from(["id", "text", "date", "title", "x"]),
                                       st.one_of(st.text(max_size=15), st.integers(), st.none())), max_size=4))
def test_jsonl_records_of_any_shape(records):
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
    try:
        corpus = _load(".jsonl", data)
    except InputError:
        return
    assert len(corpus.documents) == len(records)
