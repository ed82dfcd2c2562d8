"""Bytes of a corpus file to text: which encoding, and whether it is text at all.

Order of decisions (first that applies):
1. a byte-order mark: UTF-8, UTF-16 LE/BE (or UTF-32 LE/BE);
2. NUL bytes: UTF-16 without a BOM when the NULs fall on one parity of byte positions (the
   high byte of ASCII characters, spaces and newlines) and the result is Latin or Arabic
   script text; otherwise a binary file (other scripts in UTF-16 need their BOM);
3. strict UTF-8;
4. the legacy Arabic code pages cp1256 and ISO-8859-6: each candidate is decoded and scored
   by Arabic letters won minus Latin accented letters and control characters (the signs of
   the wrong page); the best one is kept if Arabic letters dominate its non-ASCII text.
Anything else is "undecodable bytes", naming the first bad byte's offset and line.

Line endings are normalised to "\\n" (CRLF and lone CR), so character offsets (spans) index the
text as loaded by this module. Zero-width and bidi control characters are kept: matching code
normalises them, and spans must still point into the text as written.
"""

from __future__ import annotations

import codecs
import re

from consistency.errors import InputError

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ARABIC_PAGES = ("cp1256", "iso-8859-6")
# Signatures of common binary formats that scrapers leave beside text files.
_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x7fELF", b"\x1f\x8b")
# Control characters (Unicode Cc) other than tab, newline, vertical tab, form feed and CR.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_C1_CONTROL = re.compile("[\x80-\x9f]")
_ARABIC_LETTER = re.compile("[\u0621-\u0652\u060c\u061b\u061f]")  # letters, harakat, ، ؛ ؟
_LATIN_ACCENTED = re.compile("[\u00c0-\u024f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
# What UTF-16 text without a BOM is expected to hold: Latin, Arabic, general punctuation.
_USUAL = re.compile("[\x00-\u024f\u0600-\u06ff\u0750-\u077f\u2000-\u206f\ufb50-\ufdff\ufe70-\ufeff]")
_MAX_CONTROL_SHARE = 0.05
_SAMPLE_BYTES = 256 * 1024


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _count(pattern: re.Pattern[str], text: str) -> int:
    return len(pattern.findall(text))


def _utf16_without_bom(data: bytes) -> str | None:
    """The encoding name when NULs sit on one parity only (ASCII's high byte in UTF-16)."""
    if len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    if odd and not even:
        return "utf-16-le"
    if even and not odd:
        return "utf-16-be"
    return None


def _arabic_score(text: str) -> tuple[int, int, int]:
    """(score, Arabic letters, non-ASCII characters) of one candidate decoding.

    The score is Arabic letters won, minus the marks of a wrong code page: accented Latin
    letters (cp1256 puts French letters where ISO-8859-6 has Arabic ones), control
    characters (ISO-8859-6's C1 range) and other symbols.
    """
    arabic = _count(_ARABIC_LETTER, text)
    non_ascii = _count(_NON_ASCII, text)
    latin = _count(_LATIN_ACCENTED, text)
    control = _count(_CONTROL, text)
    other = non_ascii - arabic - latin - _count(_C1_CONTROL, text)
    return arabic - latin - 2 * control - other, arabic, non_ascii


def _arabic_page(data: bytes) -> str | None:
    """The text in the Arabic code page that reads `data` best, or None if neither does.

    Pages are scored on the first bytes only (scoring is per character); the whole file is
    then decoded with the winner, or the other page if the winner fails further on.
    """
    sample = data[:_SAMPLE_BYTES]
    ranked: list[tuple[int, str]] = []
    for page in _ARABIC_PAGES:
        try:
            text = sample.decode(page)
        except UnicodeDecodeError:
            continue
        score, arabic, non_ascii = _arabic_score(text)
        # Random high bytes also decode in cp1256; real Arabic text is nearly all letters.
        if arabic and arabic >= 0.8 * non_ascii:
            ranked.append((-score, page))
    for _, page in sorted(ranked):
        try:
            return data.decode(page)
        except UnicodeDecodeError:
            continue
    return None


def _check_text(path: str, text: str) -> str:
    if not text.strip():
        raise InputError(path, "empty file (no text)")
    controls = _count(_CONTROL, text)
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise InputError(path, "binary file: mostly control characters, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(path: str, data: bytes) -> str:
    """The text of a file's bytes, line endings normalised to "\\n"; InputError if not text."""
    if not data:
        raise InputError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                where = _line_of(data, exc.start)
                raise InputError(path, f"undecodable bytes: not valid {encoding} after its byte-order mark", line=where) from None
            if "\x00" in text:
                raise InputError(path, "binary file: NUL characters in the text")
            return _check_text(path, text)
    if data.startswith(_MAGIC):
        raise InputError(path, "binary file (a known binary format, not text)")
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError(path, "binary file: NUL bytes outside UTF-16 text")
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise InputError(path, "binary file: NUL bytes and not valid UTF-16") from None
        # Binary data can have NULs on one parity too; guessed UTF-16 must read as usual text.
        if "\x00" in text or _count(_USUAL, text) < 0.9 * len(text):
            raise InputError(path, "binary file: NUL bytes, and not UTF-16 text either")
        return _check_text(path, text)
    try:
        return _check_text(path, data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = _arabic_page(data)
    if text is None:
        raise InputError(
            path,
            f"undecodable bytes: not UTF-8, UTF-16, cp1256 or ISO-8859-6 (first bad byte at offset {first_bad})",
            line=_line_of(data, first_bad),
        )
    return _check_text(path, text)
