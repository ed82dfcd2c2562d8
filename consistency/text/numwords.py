"""Read one number expression at a token: digits, number words, vague words, Arabic duals.

``parse_at(lex, toks, i)`` returns a :class:`Parsed` (tokens ``[i, j)``, value and range before
any qualifier or context is applied) or None. It looks at a bounded number of tokens, so a
scan over all tokens is linear.
"""

from __future__ import annotations

from dataclasses import dataclass

from consistency.text.lexicon import DIGITS, Lexicon, variants

# Which parts of an Arabic number may follow which after "و": "مئة واثنا عشر" (hundred, teen),
# "خمسة وعشرون" (unit, tens), "ألف وخمسمئة" (scale, hundreds). A unit after a unit is two
# numbers ("عشرة وخمسة" in "بين عشرة وخمسة عشر"), so it stops the number.
_AR_JOIN = {
    "scale": {"unit", "teen", "tens", "hundred", "scale_dual"},
    "hundred": {"unit", "teen", "tens"},
    "unit": {"tens"},
}
_AR_JOIN["scale_dual"] = _AR_JOIN["scale"]


@dataclass
class Parsed:
    i: int
    j: int
    value: float | None
    low: float
    high: float | None
    qualifier: str = "exact"
    kind: str | None = None  # set when the words fix it: ordinal, duration
    skip: int = 0  # characters of proclitic at the start of token i, outside the span


def _exact(i: int, j: int, value: float, kind: str | None = None, skip: int = 0, qualifier="exact"):
    return Parsed(i, j, value, value, value, qualifier, kind, skip)


def digit_value(tok: str) -> float:
    return float(tok.replace(",", ""))


def parse_at(lex: Lexicon, toks: list[str], i: int) -> Parsed | None:
    tok = toks[i]
    if tok[0] in DIGITS:
        return _digits(lex, toks, i)
    if tok in lex.sets["not_numbers"]:
        return None
    if tok in lex.words["definite_round"] and i > 0 and toks[i - 1] in lex.sets["definite_round_after"]:
        return _exact(i, i + 1, float(lex.words["definite_round"][tok]))  # "تجاوز المئة"
    starts = lex.sets["starts"]
    for stem, skip in variants(tok, lex.proclitics):
        if stem in starts:
            break
    else:
        return None
    hit = lex.phrases["set_phrases"].at(toks, i)
    if hit:  # "half a dozen", "نصف مليون"
        return _exact(i, i + hit[0], float(hit[1]), None, skip, qualifier="about")
    hit = lex.phrases["vague"].at(toks, i)
    if hit:
        return _vague(lex, toks, i, hit, skip)
    if lex.language == "ar":
        if stem in lex.duals:
            j = i + 1
            if j < len(toks) and toks[j] in lex.sets["two_words"]:
                j += 1  # قياديان اثنان: one mention of 2
            kind = "duration" if lex.duals[stem] == "duration" else None
            return _exact(i, j, 2.0, kind, skip)
        return _arabic(lex, toks, i, stem, skip)
    return _english(lex, toks, i)


def _multiplier(lex: Lexicon, tok: str) -> float | None:
    if tok in lex.sets["hundred"]:
        return 100.0
    return lex.words["scales"].get(tok)


def _digits(lex: Lexicon, toks: list[str], i: int) -> Parsed:
    value = digit_value(toks[i])
    j = i + 1
    if j < len(toks) and not toks[i].startswith("0"):
        scale = _multiplier(lex, toks[j])
        if scale:  # "1.2 million", "30 ألف"
            value *= scale
            j += 1
    return _exact(i, j, value)


def _vague(lex: Lexicon, toks: list[str], i: int, hit, skip: int) -> Parsed:
    n, entry = hit[0], hit[1]
    low, high, value = float(entry["low"]), float(entry["high"]), float(entry["value"])
    words = (toks[i][skip:],) + tuple(toks[i + 1 : i + n])
    j = i + n
    if words in lex.sets["vague_multipliable"] and j < len(toks):
        scale = _multiplier(lex, toks[j])
        if scale:  # "several hundred", "بضعة آلاف"
            low, high, value = low * scale, high * scale, value * scale
            j += 1
    return Parsed(i, j, value, low, high, "vague", None, skip)


def _english(lex: Lexicon, toks: list[str], i: int) -> Parsed | None:
    units, tens, scales = lex.words["units"], lex.words["tens"], lex.words["scales"]
    ordinals, sets = lex.words["ordinals"], lex.sets
    n = len(toks)
    total = current = 0.0
    last = None
    j = end = i
    ordinal = dozen = False
    if toks[i] in sets["articles"]:
        nxt = toks[i + 1] if i + 1 < n else ""
        if nxt in sets["duration_units"]:
            return _exact(i, i + 2, 1.0, "duration")  # "a week"
        if not (nxt in sets["hundred"] or nxt in scales or nxt in sets["dozen"]):
            return None
        current, last, j = 1.0, "unit", i + 1
    while j < n:
        t = toks[j]
        if t in units:
            if last == "unit" or (last == "tens" and units[t] >= 10):
                break
            current += units[t]
            last = "unit"
        elif t in tens:
            if last in ("unit", "tens"):
                break
            current += tens[t]
            last = "tens"
        elif t in sets["hundred"]:
            if last != "unit" or current >= 100:
                break
            current *= 100
            last = "hundred"
        elif t in scales:
            if last is None or last == "scale":
                break
            total += current * scales[t]
            current, last = 0.0, "scale"
        elif t in sets["dozen"]:
            if last != "unit":
                break
            current *= 12
            last, dozen = "dozen", True
        elif t == "-" and last == "tens" and j + 1 < n and (
                units.get(toks[j + 1], 99) < 10 or toks[j + 1] in ordinals):
            j += 1  # twenty-five, twenty-first
            continue
        elif t in sets["joiners"] and last in ("hundred", "scale") and j + 1 < n and (
                toks[j + 1] in units or toks[j + 1] in tens):
            j += 1  # two hundred and fifteen
            continue
        elif t in ordinals:
            if last not in (None, "tens", "hundred", "scale"):
                break
            if t == "second" and last is None and (i == 0 or toks[i - 1] not in sets["second_after"]):
                break
            current += ordinals[t]
            ordinal = True
            end = j + 1
            break
        else:
            break
        j += 1
        end = j
    if end == i or (end == i + 1 and toks[i] in sets["articles"]):
        return None
    if end == i + 1 and toks[i] == "one" and (
            (i > 0 and toks[i - 1] in sets["one_not_after"])
            or (end < n and toks[end] in sets["one_not_before"])):
        return None
    value = total + current
    return _exact(i, end, value, "ordinal" if ordinal else None, qualifier="about" if dozen else "exact")


def _ar_part(lex: Lexicon, toks: list[str], j: int, t: str):
    """(part, value, tokens used) of an Arabic number word ``t`` at token ``j``, or None."""
    w = lex.words
    if t in w["teen_heads"] and j + 1 < len(toks) and toks[j + 1] in lex.sets["teen_tails"]:
        return "teen", 10 + w["teen_heads"][t], 2
    if t in w["units"]:
        v = w["units"][t]
        if 3 <= v <= 9 and j + 1 < len(toks) and toks[j + 1] in lex.sets["teen_tails"]:
            return "teen", 10 + v, 2
        return "unit", v, 1
    if t in w["tens"]:
        return "tens", w["tens"][t], 1
    if t in lex.sets["hundred"]:
        return "hundred_word", 100, 1
    if t in w["hundreds"]:
        return "hundred", w["hundreds"][t], 1
    if t in w["scale_duals"]:
        return "scale_dual", w["scale_duals"][t], 1
    if t in w["scales"]:
        return "scale", w["scales"][t], 1
    return None


def _arabic(lex: Lexicon, toks: list[str], i: int, stem: str, skip: int) -> Parsed | None:
    if stem in lex.words["ordinals"]:
        if i > 0 and toks[i - 1] in lex.sets["ordinal_not_after"]:
            return None  # تشرين الأول is a month
        value = lex.words["ordinals"][stem]
        if 2 <= value <= 9 and i + 1 < len(toks) and toks[i + 1] in lex.sets["teen_tails"]:
            return _exact(i, i + 2, float(value + 10), "ordinal", skip)  # الثاني عشر: 12th
        return _exact(i, i + 1, float(value), "ordinal", skip)
    n = len(toks)
    total = current = 0
    last = None
    j, t, joined, end = i, stem, False, i
    while True:
        part = _ar_part(lex, toks, j, t)
        if part is None:
            break
        kind, v, used = part
        if kind == "hundred_word" and last == "unit" and not joined and 1 <= current <= 10:
            current *= 100  # ثلاث مئة
            kind = "hundred"
        elif kind == "scale":
            if joined:
                break
            if last is None:
                if t in lex.phrases["vague"]:
                    break  # آلاف alone is vague, read before this
                total += v
            else:
                total += (current or 1) * v
                current = 0
        elif last is None or (joined and kind.replace("_word", "") in _AR_JOIN.get(last, ())):
            if kind == "scale_dual":
                total += v
            else:
                current += v
            kind = kind.replace("_word", "")
        else:
            break
        last = kind
        j += used
        end = j
        if j >= n:
            break
        nxt, joined = toks[j], False
        if nxt in lex.sets["joiners"] and j + 1 < n:
            j, nxt, joined = j + 1, toks[j + 1], True
        elif nxt.startswith("و") and len(nxt) > 2 and _ar_part(lex, toks, j, nxt[1:]):
            nxt, joined = nxt[1:], True
        t = nxt
    if last is None:
        return None
    return _exact(i, end, float(total + current), None, skip)
