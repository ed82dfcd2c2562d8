"""Where it happened, as sources dispute it beyond zones and sites: what kind of place the
strike landed in, the course an aircraft or vehicle was on, and where the fire came from.

    "the site was an open area ... and not a tent camp"       -> setting:unpopulated
    "ضربت منطقة مكتظة بالخيام"                                 -> setting:populated
    "the plane turned toward a sensitive military site"       -> course:toward:military
    "استدارت عائدة باتجاه المطار"                              -> course:toward:airport
    "the aircraft stayed in its normal corridor"              -> course:normal
    "the shots came from the direction of the soldiers"       -> fire_from:forces
    "troops came under fire from gunmen"                      -> fire_from:armed
"""

from __future__ import annotations

from consistency.extract.doctext import DocText
from consistency.extract.frames import _hits, _token_gap, _value
from consistency.models import FacetValue

_NEGATION_GAP = 3  # words from "not" to the populated phrase it negates ("not a tent camp")
_COURSE_GAP = 6  # words from the turning word to the kind of place it turned toward
_FIRE_GAP = 6  # words from the fire word to "from"
_SOURCE_GAP = 5  # words from "from" to the troops or the gunmen ("from the direction of the Israeli forces")


def _clause(doc: DocText, a: int, b: int, stops: str = ".;:؛!?") -> bool:
    """No sentence or clause break between two normalised positions."""
    return not any(ch in stops for ch in doc.norm[a:b])


def _negated(doc: DocText, hit, negations) -> bool:
    return any(n.end <= hit.start and _token_gap(doc, n.end, hit.start) <= _NEGATION_GAP
               and _clause(doc, n.end, hit.start, ".;:؛!?,،") for n in negations)


def _negations(doc: DocText, span: tuple[int, int]):
    return _hits(doc, "negations", span, "words") + _hits(doc, "denial_verbs", span, "words")


def settings(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """The kind of place hit: among tents, homes or crowds (`setting:populated`) or an open,
    closed-off or empty area (`setting:unpopulated`); "not a tent camp" is the latter."""
    hits = _hits(doc, "location_setting", span)
    if not hits:
        return []
    negations = _negations(doc, span)
    out = []
    for h in hits:
        label = h.label
        if _negated(doc, h, negations):
            if label != "populated":
                continue  # "not an open area": nothing placed
            label = "unpopulated"
        out.append(_value(doc, h, f"setting:{label}"))
    return out


def courses(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """The course before the hit: toward a kind of place, off its route, or on its normal route."""
    turns = _hits(doc, "location_course", span, "turn")
    normal = _hits(doc, "location_course", span, "normal")
    deviation = _hits(doc, "location_course", span, "deviation")
    if not (turns or normal or deviation):
        return []
    places = [h for h in _hits(doc, "location_course", span) if h.label in ("military", "airport")]
    negations = _negations(doc, span)
    out = [_value(doc, h, "course:normal") for h in normal]
    for d in deviation:
        out.append(_value(doc, d, "course:normal" if _negated(doc, d, negations) else "course:off"))
    for t in turns:
        place = next((p for p in places if p.start >= t.end and _token_gap(doc, t.end, p.start) <= _COURSE_GAP
                      and _clause(doc, t.end, p.start)), None)
        if place is None or _negated(doc, t, negations):
            continue
        start, end = doc.to_orig(t.start, place.end)
        out.append(FacetValue(value=f"course:toward:{place.label}", text=doc.text[start:end], span=(start, end)))
    return out


def fire_sources(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    """Where the fire came from: the troops' side (`fire_from:forces`) or gunmen
    (`fire_from:armed`), named a few words after "fire ... from" / "النار ... من"."""
    froms = _hits(doc, "location_fire_source", span, "from")
    if not froms:
        return []
    fire = _hits(doc, "location_fire_source", span, "fire")
    if not fire:
        return []
    sources = [h for h in _hits(doc, "location_fire_source", span) if h.label in ("forces", "armed")]
    heavy = _hits(doc, "location_fire_source", span, "heavy")
    held = _hits(doc, "location_launch", span, "held")
    negations = _negations(doc, span)
    out = []
    for f in froms:
        shot = next((w for w in reversed(fire) if w.end <= f.start and _token_gap(doc, w.end, f.start) <= _FIRE_GAP
                     and _clause(doc, w.end, f.start)), None)
        if shot is None or _negated(doc, shot, negations):
            continue
        if any(_token_gap(doc, min(w.end, shot.end), max(w.start, shot.start)) <= 2 for w in heavy):
            continue  # "rocket fire from", "أُطلق الصاروخ من": a launch
        source = next((s for s in sources if s.start >= f.end and _token_gap(doc, f.end, s.start) <= _SOURCE_GAP
                       and _clause(doc, f.end, s.start, ".;:؛!?,،")), None)
        if source is None or any(f.end <= h.start and h.end <= source.start for h in held):
            continue  # "fired from ground held by the army": who holds the launch site
        start, end = doc.to_orig(shot.start, source.end)
        out.append(FacetValue(value=f"fire_from:{source.label}", text=doc.text[start:end], span=(start, end)))
    return out


def places(doc: DocText, span: tuple[int, int]) -> list[FacetValue]:
    return settings(doc, span) + courses(doc, span) + fire_sources(doc, span)
