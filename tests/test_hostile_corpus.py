"""A corpus of bad and hostile files, made here file by file, through the real CLI.

Each bad file gives the documented error: exit code 2 and one line on stderr,
`consistency: error: FILE[:LINE]: problem`, naming the file (and the line or record where
there is one), with no traceback anywhere. Each hostile but readable file gives a correct
reading: the text as written, spans that index it, markup that stays text. With `--skip-bad`
the bad files are listed in the report with their reasons and the rest is read.

Most cases run in-process through typer's runner (the same `app` the `consistency` script
calls); the skip-bad folder and the error case also run as a real subprocess.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consistency.cli import app

AR_TEXT = "قال المتحدث باسم الدفاع المدني إن سبعة أشخاص قتلوا وأصيب عشرون آخرون في الغارة على حي الزيتون."
EN_TEXT = "A spokesman for the civil defence said seven people were killed and twenty injured in the strike."
GOOD = json.dumps({"id": "wire-1", "source": "Gulf Wire", "date": "2024-03-02", "text": EN_TEXT}) + "\n"


def cli(*args: str):
    result = CliRunner().invoke(app, list(args))
    text = result.stdout + result.stderr
    assert "Traceback" not in text
    if result.exit_code not in (0, 2):  # an exception escaped the CLI's own handling
        raise AssertionError(f"exit {result.exit_code}: {result.exception!r}") from result.exception
    return result


def report(corpus: Path, out: Path, *extra: str) -> dict:
    result = cli("report", str(corpus), "-o", str(out), "--format", "json,md,html", "--embedder", "tfidf", *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads((out / "report.json").read_text("utf-8"))


# name, bytes, expected line (None: no line), words the problem must contain
BAD_FILES = [
    ("empty.txt", b"", None, "empty file"),
    ("blank.txt", b" \n\t\n\n", None, "empty file"),
    ("picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, None, "binary file"),
    ("archive.jsonl", b"PK\x03\x04" + os.urandom(64).replace(b"\n", b" "), None, "binary file"),
    ("nuls.txt", b"abc\x00def\x00\x01\x02ghi jkl", None, "binary file"),
    ("controls.md", b"\x01\x02\x03\x04\x05\x06\x07\x08" * 16, None, "binary file"),
    ("latin1.txt", "first line\nsecond line\ncafé crème brûlée\n".encode("latin-1"), 3, "undecodable bytes"),
    ("odd-utf16.txt", codecs.BOM_UTF16_LE + "hi".encode("utf-16-le") + b"!", 1, "undecodable bytes"),
    ("broken.jsonl", (GOOD + GOOD.replace("wire-1", "wire-2") + '{"text": "cut off\n').encode(), 3, "malformed JSON line"),
    ("array-line.jsonl", (GOOD + "[1, 2, 3]\n").encode(), 2, "not a JSON object"),
    ("no-text.jsonl", (GOOD + '{"id": "x", "title": "headline only"}\n').encode(), 2, "no 'text' field"),
    ("number-text.json", b'{"text": 5}', 1, "'text' must be a string"),
    ("deep.json", b"[" * 100_000, None, "nested too deeply"),
    ("deep-line.jsonl", b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n", 1, "nested too deeply"),
    ("huge-int.json", b'{"text": "words", "id": 1' + b"0" * 5000 + b"}", None, "malformed JSON"),
    ("no-text-column.csv", b"id,body\n1,Seven people were killed.\n", 1, "no 'text' column"),
    ("stray-quote.csv", b'id,text\n1,"an unclosed quote\n2,fine\n', 3, "malformed CSV"),
    ("wide-row.csv", b"id,text\n1,one,two,three\n", 2, "fields but the header has"),
    ("duplicate-ids.jsonl", (GOOD + GOOD).encode(), 2, "duplicate document id 'wire-1'"),
    ("unknown-key.md", f"---\ntitle: A strike\nauthor: me\n---\n{EN_TEXT}\n".encode(), 3, "unknown front-matter key 'author'"),
    ("bad-date.md", f"---\ndate: the day after the strike\n---\n{EN_TEXT}\n".encode(), 1, "cannot parse date"),
    ("bad-date.jsonl", b'{"text": "Seven people were killed.", "date": "2024-02-30"}\n', 1, "cannot parse date"),
    ("never-closed.md", f"---\ntitle: A strike\n{EN_TEXT}\n".encode(), 1, "never closed"),
    ("bad-yaml.md", f"---\ntitle: [unclosed\n---\n{EN_TEXT}\n".encode(), 2, "not valid YAML"),
    # YAML aliases would expand (a "billion laughs"); front matter takes plain values only
    ("yaml-alias.md", f"---\ntitle: &a [x, x]\nsource: *a\n---\n{EN_TEXT}\n".encode(), 2, "single text value"),
    ("yaml-tag.md", f"---\ntitle: !!python/object/apply:os.system ['echo owned']\n---\n{EN_TEXT}\n".encode(),
     2, "single text value"),
]


@pytest.mark.parametrize("name,data,line,problem", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_file_gives_the_documented_error(tmp_path, name, data, line, problem):
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "out"
    result = cli("report", str(path), "-o", str(out), "--embedder", "tfidf")
    assert result.exit_code == 2
    where = f"{path}:{line}: " if line is not None else f"{path}: "
    assert result.stderr.startswith(f"consistency: error: {where}"), result.stderr
    assert problem in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert not out.exists()  # nothing written for a corpus that cannot be read


def test_missing_corpus_and_empty_folder(tmp_path):
    missing = cli("report", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out"))
    assert missing.exit_code == 2 and "nowhere: no such file or folder" in missing.stderr
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.docx").write_bytes(b"PK\x03\x04")
    empty = cli("report", str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert empty.exit_code == 2 and "no corpus files in the folder" in empty.stderr


def test_duplicate_ids_across_files_name_both(tmp_path):
    (tmp_path / "a.jsonl").write_text(GOOD, "utf-8")
    (tmp_path / "b.jsonl").write_text(GOOD, "utf-8")
    result = cli("report", str(tmp_path), "-o", str(tmp_path / "out"), "--embedder", "tfidf")
    assert result.exit_code == 2
    assert f"{tmp_path / 'b.jsonl'}:1: duplicate document id 'wire-1' (first in a.jsonl line 1)" in result.stderr


def test_file_over_the_configured_size_limit(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "long.txt").write_text(EN_TEXT * 40, "utf-8")
    (corpus / "consistency.toml").write_text("max_file_bytes = 2000\n", "utf-8")
    result = cli("report", str(corpus), "-o", str(tmp_path / "out"), "--embedder", "tfidf")
    assert result.exit_code == 2
    size = len(EN_TEXT.encode()) * 40
    assert f"long.txt: file is {size:,} bytes, over the limit of 2,000 bytes" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_named_pipe_is_not_read(tmp_path):
    """A FIFO would block the run for ever: it is refused, not opened."""
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    result = cli("report", str(fifo), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and f"{fifo}: not a regular file" in result.stderr


# name, bytes of the file, the document text expected
ENCODED = [
    ("utf8-bom.txt", codecs.BOM_UTF8 + AR_TEXT.encode("utf-8"), AR_TEXT),
    ("utf16-le.txt", codecs.BOM_UTF16_LE + AR_TEXT.encode("utf-16-le"), AR_TEXT),
    ("utf16-be.txt", codecs.BOM_UTF16_BE + AR_TEXT.encode("utf-16-be"), AR_TEXT),
    ("utf16-no-bom.txt", EN_TEXT.encode("utf-16-le"), EN_TEXT),
    ("cp1256.txt", AR_TEXT.encode("cp1256"), AR_TEXT),
    ("iso-8859-6.txt", AR_TEXT.encode("iso-8859-6"), AR_TEXT),
    ("line-endings.txt", f"{EN_TEXT}\r\n{EN_TEXT}\r{EN_TEXT}\n{EN_TEXT}".encode(), "\n".join([EN_TEXT] * 4)),
    ("cp1256.jsonl", json.dumps({"text": AR_TEXT}, ensure_ascii=False).encode("cp1256"), AR_TEXT),
    ("utf16.csv", codecs.BOM_UTF16_LE + f'id,text\nr1,"{AR_TEXT}"\n'.encode("utf-16-le"), AR_TEXT),
]


@pytest.mark.parametrize("name,data,text", ENCODED, ids=[c[0] for c in ENCODED])
def test_encodings_are_read_as_written(tmp_path, name, data, text):
    path = tmp_path / name
    path.write_bytes(data)
    got = report(path, tmp_path / "out")
    assert [d["text"] for d in got["documents"]] == [text]
    assert_spans_index_the_text(got)


def assert_spans_index_the_text(got: dict) -> None:
    texts = {d["id"]: d["text"] for d in got["documents"]}
    for claim in got["claims"]:
        text = texts[claim["document_id"]]
        assert text[slice(*claim["span"])] == claim["text"]
        if claim["speaker_span"]:
            assert text[slice(*claim["speaker_span"])] == claim["speaker"]
        for facet in claim["facets"].values():
            for value in facet:
                assert text[slice(*value["span"])] == value["text"]


def test_presentation_forms_are_matched_and_kept_as_written(tmp_path):
    """ﻻ (U+FEFB) reads as لا for matching; the figure's span quotes the ligature itself."""
    written = "وقال مسؤول في وزارة الصحة إن ﻻ يقل عن 12 شخصا قتلوا في الغارة على مخيم عبد ﷲ."
    path = tmp_path / "ligatures.txt"
    path.write_text(written, "utf-8")
    got = report(path, tmp_path / "out")
    assert got["documents"][0]["text"] == written
    counts = [c for claim in got["claims"] for c in claim["facets"]["counts"]]
    assert [(c["subject"], c["low"], c["high"], c["qualifier"], c["text"]) for c in counts] == [
        ("killed", 12.0, None, "at_least", "ﻻ يقل عن 12")
    ]
    assert_spans_index_the_text(got)


def test_controls_are_kept_and_spans_still_index_the_text(tmp_path):
    marks = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
    text = "".join(ch + marks[i % len(marks)] for i, ch in enumerate(AR_TEXT + " " + EN_TEXT))
    path = tmp_path / "controls.jsonl"
    path.write_text(json.dumps({"id": "c", "text": text}, ensure_ascii=False) + "\n", "utf-8")
    got = report(path, tmp_path / "out")
    assert got["documents"][0]["text"] == text
    assert got["claims"]
    assert_spans_index_the_text(got)


HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)><!-- </script> {{DATA}} `rm -rf ~` $(id)"


def test_markup_and_commands_in_a_corpus_stay_text(tmp_path):
    """Names, titles, ids and text full of markup, template marks and shell: all kept as
    data in the JSON, escaped in the HTML, and nothing runs (a command would leave a file)."""
    canary = tmp_path / "ran"
    shell = f"; touch {canary} ; $(touch {canary}) `touch {canary}`"
    record = {"id": "../../etc/" + HOSTILE, "source": HOSTILE + shell, "title": HOSTILE,
              "url": "javascript:alert(1)", "text": f"{EN_TEXT} {HOSTILE}{shell}"}
    path = tmp_path / "hostile.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    out = tmp_path / "out"
    got = report(path, out)
    doc = got["documents"][0]
    assert doc["source"] == HOSTILE + shell and doc["title"] == HOSTILE
    assert "/" not in doc["id"] and "." not in doc["id"]
    page = (out / "report.html").read_text("utf-8")
    assert "<script>alert" not in page and "<img" not in page and "<!--" not in page
    head, rest = page.split('<script type="application/json" id="report-data">', 1)
    block, tail = rest.split("</script>", 1)
    assert "<" not in block and "{{DATA}}" not in head + tail
    data = json.loads(block)  # the data, escaped, reads back as written; {{DATA}} was not substituted
    assert data["report"]["documents"][0]["title"] == HOSTILE
    assert not canary.exists()
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.json", "report.md"]


SKIPPED = {  # file in the folder -> words its reason must contain
    "attachment.txt": "binary file",
    "broken.jsonl": "line 2: malformed JSON line",
    "sheet.csv": "line 1: CSV has no 'text' column",
    "notes.md": "line 2: unknown front-matter key",
    "empty.txt": "empty file",
    "windows-1252.txt": "undecodable bytes",
    "copy.jsonl": "duplicate document id 'wire-1'",
}


def skip_bad_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a-good.jsonl").write_text(GOOD, "utf-8")
    (folder / "arabic.txt").write_bytes(AR_TEXT.encode("cp1256"))
    (folder / "attachment.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    (folder / "broken.jsonl").write_text('{"text": "fine words"}\n{"text": \n', "utf-8")
    (folder / "sheet.csv").write_text("id,body\n1,words\n", "utf-8")
    (folder / "notes.md").write_text(f"---\nauthor: someone\n---\n{EN_TEXT}\n", "utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "windows-1252.txt").write_bytes("naïve “quotes” — café".encode("cp1252"))
    (folder / "copy.jsonl").write_text(GOOD, "utf-8")
    (folder / ".hidden.txt").write_bytes(b"\x00\x01")  # hidden: not a corpus file at all
    return folder


def test_skip_bad_reads_the_rest_and_lists_each_skip_with_its_reason(tmp_path):
    folder = skip_bad_folder(tmp_path / "corpus")
    got = report(folder, tmp_path / "out", "--skip-bad")
    assert sorted(d["text"] for d in got["documents"]) == sorted([EN_TEXT, AR_TEXT])
    reasons = {s["path"]: s["reason"] for s in got["skipped"]}
    assert sorted(reasons) == sorted(SKIPPED)
    for path, words in SKIPPED.items():
        assert words in reasons[path], (path, reasons[path])
    markdown = (tmp_path / "out" / "report.md").read_text("utf-8")
    assert "## Skipped files" in markdown
    assert all(f"`{path}`" in markdown for path in SKIPPED)


def test_real_process_skip_bad_and_first_error(tmp_path):
    """The installed entry point end to end: no traceback, exit codes 0 and 2."""
    folder = skip_bad_folder(tmp_path / "corpus")
    base = [sys.executable, "-m", "consistency", "report", str(folder), "--embedder", "tfidf"]
    ok = subprocess.run([*base, "-o", str(tmp_path / "out"), "--skip-bad"], capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr
    assert "Traceback" not in ok.stdout + ok.stderr
    failed = subprocess.run([*base, "-o", str(tmp_path / "out2")], capture_output=True, text=True, timeout=300)
    assert failed.returncode == 2
    assert failed.stderr.startswith(f"consistency: error: {folder / 'attachment.txt'}: binary file")
    assert "Traceback" not in failed.stdout + failed.stderr
    assert not (tmp_path / "out2").exists()


def test_output_folder_that_is_a_file_is_an_error(tmp_path):
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text(GOOD, "utf-8")
    taken = tmp_path / "out"
    taken.write_text("not a folder", "utf-8")
    result = CliRunner().invoke(app, ["report", str(corpus), "-o", str(taken), "--embedder", "tfidf"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"consistency: error: {taken}")
    assert taken.read_text("utf-8") == "not a folder"


SURROGATES = [
    ("lone.jsonl", '{"text": "Police said two people were killed \\ud800 in the strike."}\n'),
    ("lone.json", '{"text": "Police said two people were killed in the strike.", "source": "Wire \\udfff"}'),
    ("lone.md", '---\ntitle: "A strike \\ud800"\n---\nPolice said two people were killed in the strike.\n'),
]


@pytest.mark.parametrize("name,content", SURROGATES, ids=[c[0] for c in SURROGATES])
def test_escaped_lone_surrogates_are_an_error_or_replaced(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["report", str(path), "-o", str(out), "--format", "json,md,html",
                                      "--embedder", "tfidf"])
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code == 2:
        assert result.stderr.startswith(f"consistency: error: {path}")
        return
    assert result.exit_code == 0, repr(result.exception)
    assert "\ufffd" in (out / "report.json").read_text("utf-8")


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_quoted_header_with_another_delimiter_is_read(tmp_path, delimiter):
    path = tmp_path / "export.csv"
    rows = [["id", "text"], ["r1", EN_TEXT]]
    path.write_text("\n".join(delimiter.join(f'"{cell}"' for cell in row) for row in rows) + "\n", "utf-8")
    got = report(path, tmp_path / "out")
    assert [d["text"] for d in got["documents"]] == [EN_TEXT]


@pytest.mark.parametrize("source", ["***", "—", "?"])
def test_source_without_words_is_read(tmp_path, source):
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"text": EN_TEXT, "source": source}) + "\n", "utf-8")
    got = report(path, tmp_path / "out")
    assert got["documents"][0]["source"] == source and got["claims"]
