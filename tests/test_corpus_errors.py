"""Each bad input gives an InputError naming the file (and line); skip_bad carries on."""

import json

import pytest

from consistency.corpus import load_corpus
from consistency.errors import InputError

BODY = "Two people were hurt when a wall collapsed in the old market, the mayor's office said on Monday."


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def error_of(path, **kwargs):
    with pytest.raises(InputError) as caught:
        load_corpus(path, **kwargs)
    return caught.value


BAD_FILES = {
    # name: (content, words in the message, line or None)
    "empty.txt": (b"", "empty file", None),
    "blank.md": ("\n   \n", "empty file", None),
    "binary.txt": (b"\x00\x01\x02PK\x00\x00binary\x00", "binary file", None),
    "attachment.json": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file", None),
    "latin1.txt": (b"r\xe9sum\xe9 \x81\x8d des \xe9v\xe9nements", "undecodable bytes", 1),
    "broken.jsonl": (json.dumps({"text": BODY}) + "\n\n{\"text\": \"cut off\n", "malformed JSON line", 3),
    "broken.json": ('[\n  {"text": "a"},\n  {"text": \n]', "malformed JSON", 4),
    "deep.json": ("[" * 100_000 + "]" * 100_000, "nested too deeply", None),
    "notext.jsonl": (json.dumps({"title": "only a title"}) + "\n", "no 'text' field", 1),
    "numtext.jsonl": (json.dumps({"text": BODY}) + "\n" + json.dumps({"text": 42}) + "\n", "'text' must be a string, got int", 2),
    "emptytext.json": (json.dumps([{"text": "  "}]), "empty 'text'", 1),
    "scalar.json": ("[1, 2]", "record 1 is not a JSON object", 1),
    "norecords.jsonl": ("\n\n", "empty file", None),
    "emptylist.json": ("[]", "no records", None),
    "listfield.jsonl": (json.dumps({"text": BODY, "source": ["a", "b"]}) + "\n", "field 'source' must be text", 1),
    "nocolumn.csv": ("title,body\nA,B\n", "CSV has no 'text' column (columns: 'title', 'body')", 1),
    "ragged.csv": ('id,text\na,"one"\nb,two,three\n', "row has 3 fields but the header has 2", 3),
    "headeronly.csv": ("id,text\n", "no records", None),
    "badquote.csv": ('text\n"a"b\n', "malformed CSV", 2),
    "badkey.md": (f"---\nsource: AP\nsoruce_type: news_agency\n---\n{BODY}", "unknown front-matter key 'soruce_type'", 3),
    "unclosed.md": (f"---\nsource: AP\n{BODY}", "never closed", 1),
    "badyaml.txt": (f"---\nsource: [AP\n---\n{BODY}", "not valid YAML", None),
    "nested.md": (f"---\nsource:\n  name: AP\n---\n{BODY}", "must have a single text value", 2),
    "bodyless.md": ("---\nsource: AP\n---\n\n", "no text after the front matter", None),
    "baddate.jsonl": (json.dumps({"text": BODY, "date": "last Tuesday"}) + "\n", "cannot parse date 'last Tuesday'", 1),
    "baddate.md": (f"---\ndate: 32/13/2024\n---\n{BODY}", "cannot parse date '32/13/2024'", 1),
    "baddate.csv": (f"date,text\n2024-01-04,{BODY.replace(',', '')}\nsoon,x\n", "cannot parse date 'soon'", 3),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_an_input_error_naming_it(tmp_path, name):
    content, words, line = BAD_FILES[name]
    path = write(tmp_path / name, content)
    error = error_of(path)
    assert words in error.problem
    assert error.path == str(path) and str(error).startswith(str(path))
    if line is not None:
        assert error.line == line and f"{path}:{line}:" in str(error)


def test_missing_path(tmp_path):
    error = error_of(tmp_path / "nowhere")
    assert "no such file or folder" in str(error) and "nowhere" in str(error)


def test_folder_without_corpus_files(tmp_path):
    write(tmp_path / "README.md", "about this corpus")
    write(tmp_path / "gold.json", "{}")
    write(tmp_path / "photo.png", b"\x89PNG")
    error = error_of(tmp_path)
    assert "no corpus files" in str(error) and str(tmp_path) in str(error)


def test_unsupported_file_given_directly(tmp_path):
    error = error_of(write(tmp_path / "page.html", "<p>hi</p>"))
    assert "unsupported file type '.html'" in str(error)


def test_file_over_the_size_limit_says_size_and_limit(tmp_path):
    path = write(tmp_path / "big.txt", "x" * 2000)
    error = error_of(path, max_bytes=1000)
    assert "2,000 bytes" in str(error) and "limit of 1,000 bytes" in str(error)
    assert load_corpus(path, max_bytes=2000).documents[0].text == "x" * 2000


def test_duplicate_ids_across_files_name_both_places(tmp_path):
    write(tmp_path / "a.jsonl", "\n" + json.dumps({"id": "same", "text": BODY}) + "\n")
    write(tmp_path / "b" / "same.txt", BODY)
    error = error_of(tmp_path)
    assert error.path == str(tmp_path / "b" / "same.txt")
    assert "duplicate document id 'same'" in error.problem and "a.jsonl line 2" in error.problem


def test_duplicate_ids_within_a_file(tmp_path):
    path = write(tmp_path / "a.csv", "id,text\nx,one\nX,two\n")
    error = error_of(path)
    assert "duplicate document id 'x'" in error.problem and error.line == 3


def test_skip_bad_loads_the_rest_and_lists_reasons(tmp_path):
    write(tmp_path / "good.txt", BODY)
    write(tmp_path / "also_good.jsonl", json.dumps({"id": "w", "text": BODY}) + "\n")
    for name in ["broken.jsonl", "badkey.md", "binary.txt", "nocolumn.csv"]:
        write(tmp_path / "bad" / name, BAD_FILES[name][0])
    write(tmp_path / "z_dup.jsonl", json.dumps({"id": "good", "text": BODY}) + "\n")
    with pytest.raises(InputError):
        load_corpus(tmp_path)
    corpus = load_corpus(tmp_path, skip_bad=True)
    assert [d.id for d in corpus.documents] == ["good", "w"]
    reasons = {s.path: s.reason for s in corpus.skipped}
    assert list(reasons) == ["bad/badkey.md", "bad/binary.txt", "bad/broken.jsonl", "bad/nocolumn.csv", "z_dup.jsonl"]
    assert reasons["bad/broken.jsonl"].startswith("line 3: malformed JSON line")
    assert "unknown front-matter key 'soruce_type'" in reasons["bad/badkey.md"]
    assert "duplicate document id 'good'" in reasons["z_dup.jsonl"]


def test_skip_bad_with_nothing_left_is_still_an_error(tmp_path):
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "binary.txt", b"\x00\x00\x01")
    error = error_of(tmp_path, skip_bad=True)
    assert "no documents could be read (2 bad files skipped; first binary.txt: binary file" in str(error)


def test_skip_bad_oversized_file(tmp_path):
    write(tmp_path / "small.txt", BODY)
    write(tmp_path / "huge.txt", BODY * 100)
    corpus = load_corpus(tmp_path, skip_bad=True, max_bytes=1000)
    assert [d.id for d in corpus.documents] == ["small"]
    assert "over the limit" in corpus.skipped[0].reason


def test_a_fifo_named_like_a_corpus_file_is_not_read(tmp_path):
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    write(tmp_path / "good.txt", BODY)
    os.mkfifo(tmp_path / "pipe.txt")
    assert "not a regular file" in str(error_of(tmp_path))
    assert [s.path for s in load_corpus(tmp_path, skip_bad=True).skipped] == ["pipe.txt"]
