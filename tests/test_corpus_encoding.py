"""Bytes to text: every encoding the loader promises, line endings, invisible characters."""

import codecs

import pytest

from consistency.corpus import load_corpus
from consistency.corpus.encoding import decode_bytes
from consistency.errors import InputError

# Written for these tests: a short news paragraph with hamza, taa marbuta and alef maqsura,
# and a very short one where the code-page guess has little to go on.
ARABIC = (
    "قال متحدث باسم الشرطة إن ثلاثة أشخاص قتلوا وأصيب سبعة آخرون في انفجار سيارة مفخخة "
    "قرب سوق شعبي مساء الثلاثاء، وإن التحقيق جار لمعرفة الجهة المسؤولة.\n"
    "وأضاف أن فرق الدفاع المدني نقلت الجرحى إلى مستشفى قريب؟ نعم؛ وفق شهود عيان."
)
SHORT_ARABIC = "قتل ثلاثة في انفجار"

ENCODED = {
    "utf-8": ARABIC.encode("utf-8"),
    "utf-8 with BOM": ARABIC.encode("utf-8-sig"),
    "utf-16-le with BOM": codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"),
    "utf-16-be with BOM": codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"),
    "utf-16-le without BOM": ARABIC.encode("utf-16-le"),
    "utf-16-be without BOM": ARABIC.encode("utf-16-be"),
    "cp1256": ARABIC.encode("cp1256"),
    "iso-8859-6": ARABIC.encode("iso-8859-6"),
    "short cp1256": SHORT_ARABIC.encode("cp1256"),
    "short iso-8859-6": SHORT_ARABIC.encode("iso-8859-6"),
}


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_each_encoding_reads_back_the_same_text(name):
    expected = SHORT_ARABIC if name.startswith("short") else ARABIC
    assert decode_bytes("x.txt", ENCODED[name]) == expected


@pytest.mark.parametrize("name", ["cp1256", "iso-8859-6", "utf-16-le without BOM"])
def test_legacy_encodings_load_as_arabic_documents(tmp_path, name):
    (tmp_path / "report.txt").write_bytes(ENCODED[name])
    doc = load_corpus(tmp_path / "report.txt").documents[0]
    assert doc.text == ARABIC
    assert doc.language == "ar"


def test_jsonl_and_csv_in_utf16_and_cp1256(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(('{"id": "a", "text": "%s"}\n' % SHORT_ARABIC).encode("utf-16"))
    (tmp_path / "b.csv").write_bytes(f"id,text\nb,{SHORT_ARABIC}\n".encode("cp1256"))
    docs = load_corpus(tmp_path).documents
    assert [(d.id, d.text) for d in docs] == [("a", SHORT_ARABIC), ("b", SHORT_ARABIC)]


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\n"])
def test_line_endings_become_newlines(ending):
    raw = ending.join(["first line", "second line", "", "third"])
    assert decode_bytes("x.txt", raw.encode()) == "first line\nsecond line\n\nthird"


def test_mixed_line_endings_keep_line_numbers(tmp_path):
    raw = "4 January 2024\r\nHeadline of the day\r\rBody starts here.\nSecond line.\r\n"
    (tmp_path / "mixed.txt").write_bytes(raw.encode())
    doc = load_corpus(tmp_path / "mixed.txt").documents[0]
    assert doc.text == "Body starts here.\nSecond line."
    assert doc.text_line == 4


def test_zero_width_and_bidi_controls_are_kept():
    text = "قال\u200f المتحدث\u200c إن \u202bالهجوم\u202c وقع\u2066 فجرا\u2069 (AP)"
    assert decode_bytes("x.txt", text.encode()) == text


def test_presentation_forms_are_kept_as_written():
    text = "ﻻ تعليق على ما حدث ﷲ"
    assert decode_bytes("x.txt", text.encode("utf-8")) == text


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"text \x00 with a NUL \x00\x00 in odd places\x00", "binary file"),
        (b"\x01\x02\x03\x04\x05\x06 mostly controls \x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15\x16", "binary file"),
        (b"caf\xe9 cr\xe8me br\xfbl\xe9e in Latin-1, \x81\x8d\x8e", "undecodable bytes"),
        (codecs.BOM_UTF8 + b"ok then \xff\xfe broken", "undecodable bytes"),
    ],
)
def test_bytes_that_are_not_text(data, words):
    with pytest.raises(InputError) as caught:
        decode_bytes("folder/bad.txt", data)
    assert words in str(caught.value)
    assert str(caught.value).startswith("folder/bad.txt")


def test_undecodable_names_line_and_offset():
    data = "line one\nline two\n".encode() + b"\xd9\xff\xfe\x80 third"
    with pytest.raises(InputError) as caught:
        decode_bytes("bad.txt", data)
    assert caught.value.line == 3
    assert "offset 18" in str(caught.value)


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be"])
def test_utf32_with_bom(codec):
    data = ARABIC.encode(codec) if codec == "utf-32" else codecs.BOM_UTF32_BE + ARABIC.encode(codec)
    assert decode_bytes("x.txt", data) == ARABIC


def test_nuls_on_one_parity_that_are_not_text_are_binary():
    # One NUL at an even offset, so UTF-16-BE is a candidate; the other pairs decode to
    # private-use and Hangul characters, which is not what a BOM-less corpus file holds.
    data = b"\x00A" + b"\xe8\xb1\xd5\x93" * 50
    assert data.decode("utf-16-be")[1:3] == "\ue8b1\ud593"
    with pytest.raises(InputError, match="not UTF-16 text either"):
        decode_bytes("x.txt", data)
