"""Every input form the loader reads, and how a folder is walked."""

import json

import pytest

from consistency.corpus import Corpus, load_corpus
from consistency.corpus.records import slugify

# Texts written for these tests (not taken from shared corpora).
AR_BODY = (
    "قال مسؤول في الدفاع المدني لوكالة محلية إن حريقا اندلع في مستودع للوقود جنوب المدينة.\n\n"
    "وأضاف أن فرق الإطفاء سيطرت على النيران بعد ساعتين ولم تسجل إصابات."
)
EN_BODY = (
    "A fire broke out at a fuel depot south of the city on Sunday, a civil defence official said.\n\n"
    "Firefighters brought the blaze under control after two hours and no injuries were reported."
)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def one(path):
    corpus = load_corpus(path)
    assert isinstance(corpus, Corpus) and len(corpus.documents) == 1
    return corpus.documents[0]


def test_seed_layout_arabic_date_headline_body(tmp_path):
    f = write(tmp_path / "depot_fire.txt", f"12-مارس-2023\nحريق في مستودع وقود\n\n{AR_BODY}\n")
    doc = one(f)
    assert (doc.id, doc.date, doc.title, doc.language) == ("depot-fire", "2023-03-12", "حريق في مستودع وقود", "ar")
    assert doc.text == AR_BODY
    assert (doc.path, doc.line, doc.text_line) == ("depot_fire.txt", 1, 4)
    assert doc.source is None and doc.url is None


def test_seed_layout_english_date_forms(tmp_path):
    f = write(tmp_path / "en.txt", f"\n\nMarch 12, 2023\n\nFuel depot fire south of the city\n{EN_BODY}")
    doc = one(f)
    assert (doc.date, doc.title, doc.language, doc.text_line) == ("2023-03-12", "Fuel depot fire south of the city", "en", 6)
    assert doc.text == EN_BODY


def test_date_line_followed_by_one_paragraph_has_no_title(tmp_path):
    doc = one(write(tmp_path / "a.txt", "2023-03-12\n\nFire at a fuel depot, officials said."))
    assert (doc.date, doc.title, doc.text, doc.text_line) == ("2023-03-12", None, "Fire at a fuel depot, officials said.", 3)


def test_short_first_line_and_blank_is_a_title(tmp_path):
    doc = one(write(tmp_path / "a.txt", f"Fuel depot fire\n\n{EN_BODY}"))
    assert (doc.date, doc.title, doc.text_line) == (None, "Fuel depot fire", 3)


def test_first_line_without_blank_after_is_body(tmp_path):
    text = f"Fuel depot fire\n{EN_BODY}"
    doc = one(write(tmp_path / "a.txt", text))
    assert (doc.title, doc.text, doc.text_line) == (None, text, 1)


def test_long_first_line_is_body(tmp_path):
    long_line = "Firefighters from three districts worked through the night to stop the blaze at the depot from spreading to the houses nearby, the official said."
    text = f"{long_line}\n\n{EN_BODY}"
    doc = one(write(tmp_path / "a.txt", text))
    assert doc.title is None and doc.text == text


def test_markdown_headline_loses_its_hashes(tmp_path):
    doc = one(write(tmp_path / "a.md", f"4 January 2024\n# Fuel depot fire\n\n{EN_BODY}"))
    assert doc.title == "Fuel depot fire"


def test_front_matter(tmp_path):
    text = (
        "---\nid: Civil-Defence_2023\nsource: Civil Defence\nsource_type: government\n"
        "date: 12 آذار 2023\nlanguage: AR\ntitle: 'حريق: بيان'\nurl: https://example.org/a\n---\n\n"
        f"{AR_BODY}\n"
    )
    doc = one(write(tmp_path / "statement.md", text))
    assert doc.id == "civil-defence-2023"
    assert (doc.source, doc.source_type, doc.date, doc.language) == ("Civil Defence", "government", "2023-03-12", "ar")
    assert (doc.title, doc.url, doc.text, doc.text_line) == ("حريق: بيان", "https://example.org/a", AR_BODY, 11)


def test_front_matter_values_stay_as_written(tmp_path):
    doc = one(write(tmp_path / "a.txt", f"---\nlanguage: no\ntitle: 2024\ndate: 2024-01-04\nurl:\n---\n{EN_BODY}"))
    assert (doc.language, doc.title, doc.date, doc.url, doc.id) == ("no", "2024", "2024-01-04", None, "a")


def test_jsonl_records_lines_and_ids(tmp_path):
    lines = [
        json.dumps({"id": "ap-1", "source": "AP", "date": "2023-03-12", "text": EN_BODY, "scraped_at": "x"}),
        "",
        json.dumps({"text": AR_BODY, "title": "حريق", "language": "ar"}, ensure_ascii=False),
        json.dumps({"text": EN_BODY, "date": "12/03/2023"}),
    ]
    docs = load_corpus(write(tmp_path / "wire.jsonl", "\n".join(lines) + "\n")).documents
    by_id = {d.id: d for d in docs}
    assert [d.id for d in docs] == ["ap-1", "wire-2", "wire-3"]
    assert (by_id["ap-1"].line, by_id["ap-1"].text_line, by_id["ap-1"].source) == (1, 1, "AP")
    assert (by_id["wire-2"].line, by_id["wire-2"].language, by_id["wire-2"].title) == (3, "ar", "حريق")
    assert (by_id["wire-3"].line, by_id["wire-3"].date, by_id["wire-3"].language) == (4, "2023-03-12", "en")


def test_single_record_jsonl_takes_the_stem(tmp_path):
    doc = one(write(tmp_path / "Depot Report.jsonl", json.dumps({"text": EN_BODY}) + "\n"))
    assert doc.id == "depot-report"


@pytest.mark.parametrize(
    "layout",
    ["list", "documents", "single"],
)
def test_json_shapes(tmp_path, layout):
    records = [{"id": "a", "text": EN_BODY}, {"text": AR_BODY, "extra": [1, 2]}]
    if layout == "list":
        data = records
    elif layout == "documents":
        data = {"name": "corpus", "meta": {"n": [1, {"k": "]"}]}, "documents": records}
    else:
        data = records[0]
    doc_list = load_corpus(write(tmp_path / "batch.json", json.dumps(data, indent=2, ensure_ascii=False))).documents
    if layout == "single":
        assert [(d.id, d.line) for d in doc_list] == [("a", 1)]
    else:
        expected_lines = (2, 6) if layout == "list" else (12, 16)
        assert [(d.id, d.line) for d in doc_list] == [("a", expected_lines[0]), ("batch-2", expected_lines[1])]
        assert doc_list[1].language == "ar"


def test_csv_rows_with_quoted_newlines_and_extra_columns(tmp_path):
    quoted = EN_BODY.replace('"', '""')
    text = f'ID,Source,Text,likes\nr1,Reuters,"{quoted}",4\n\nr2,,{AR_BODY.splitlines()[0]},\n'
    docs = load_corpus(write(tmp_path / "rows.csv", text)).documents
    assert [(d.id, d.line, d.source) for d in docs] == [("r1", 2, "Reuters"), ("r2", 6, None)]
    assert docs[0].text == EN_BODY and docs[1].language == "ar"


def test_csv_with_semicolons_and_no_id(tmp_path):
    docs = load_corpus(write(tmp_path / "export.csv", f"date;text\n2023-03-12;{EN_BODY.splitlines()[0]}\n")).documents
    assert [(d.id, d.date) for d in docs] == [("export", "2023-03-12")]


def test_folder_mixing_formats_and_skipping_non_documents(tmp_path):
    write(tmp_path / "a_seed.txt", f"12-مارس-2023\nحريق في مستودع وقود\n\n{AR_BODY}")
    write(tmp_path / "b.md", f"---\nsource: Civil Defence\n---\n{EN_BODY}")
    write(tmp_path / "c.jsonl", json.dumps({"text": EN_BODY}) + "\n" + json.dumps({"text": AR_BODY}) + "\n")
    write(tmp_path / "sub" / "deeper" / "d.json", json.dumps([{"id": "d", "text": EN_BODY}]))
    write(tmp_path / "e.CSV", 'text\n"A fire broke out, officials said."\n')
    for ignored in [".hidden.txt", ".git/x.txt", "gold.json", "README.md", "LICENSE.txt", "readme.txt",
                    "gazetteer.csv", "gazetteer-extra.json", "baseline.json", "reports/run/report.json",
                    "consistency.toml", "pyproject.toml", "notes.pdf", "data.xml"]:
        write(tmp_path / ignored, "not a document {")
    corpus = load_corpus(tmp_path)
    assert [(d.id, d.path) for d in corpus.documents] == [
        ("a-seed", "a_seed.txt"), ("b", "b.md"), ("c-1", "c.jsonl"), ("c-2", "c.jsonl"),
        ("d", "sub/deeper/d.json"), ("e", "e.CSV"),
    ]
    assert corpus.skipped == [] and corpus.root == tmp_path.as_posix()


def test_single_file_root_is_its_folder_and_names_are_not_filtered(tmp_path):
    corpus = load_corpus(write(tmp_path / "README.txt", EN_BODY))
    assert corpus.root == tmp_path.as_posix() and corpus.documents[0].path == "README.txt"


def test_loading_is_deterministic(tmp_path):
    for n in range(6):
        write(tmp_path / f"f{5 - n}.jsonl", json.dumps({"id": f"x{n}", "text": EN_BODY}) + "\n")
    first, second = load_corpus(tmp_path), load_corpus(tmp_path)
    assert [d.model_dump() for d in first.documents] == [d.model_dump() for d in second.documents]
    assert [d.id for d in first.documents] == sorted(d.id for d in first.documents)


@pytest.mark.parametrize(
    ("name", "slug"),
    [("ap-2024-01-04", "ap-2024-01-04"), ("AP 2024_01 04", "ap-2024-01-04"), ("Café--Crème", "cafe-creme")],
)
def test_slugify_ascii(name, slug):
    assert slugify(name) == slug


def test_slugify_arabic_is_stable_and_distinct():
    a, b = slugify("تقرير-بغداد"), slugify("تقرير-البصرة")
    assert a == slugify("تقرير-بغداد") and a != b
    assert a.startswith("doc-") and set(a) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert slugify("report-بغداد").startswith("report-")


def test_lead_paragraph_after_date_is_not_a_title(tmp_path):
    lead = "Firefighters from three districts worked through the night to stop the blaze at the depot from spreading to the houses nearby, the official said."
    doc = one(write(tmp_path / "a.txt", f"12 March 2023\n{lead}\n\n{EN_BODY}"))
    assert (doc.date, doc.title, doc.text_line) == ("2023-03-12", None, 2)
    assert doc.text.startswith(lead)


@pytest.mark.parametrize(("given", "code"), [("AR", "ar"), ("ar-IQ", "ar"), ("en_US", "en"), ("Arabic", "ar"), ("fr", "fr")])
def test_language_field_is_a_short_code(tmp_path, given, code):
    doc = one(write(tmp_path / "a.jsonl", json.dumps({"text": EN_BODY, "language": given}) + "\n"))
    assert doc.language == code


def test_record_text_line_endings_are_normalised(tmp_path):
    doc = one(write(tmp_path / "a.json", json.dumps({"text": "one\r\ntwo\rthree"})))
    assert doc.text == "one\ntwo\nthree"
