"""Scores of a report against a corpus's gold.json (format: shared corpora FORMAT.md).

Matching rule: a gold discrepancy is found when a reported one of the same kind (and the
same subject, for `casualty_count` and `count`) has two sides whose documents meet two
different gold sides. Precision is the share of reported discrepancies that find some gold
one. A trap (non-discrepancy) is flagged when a reported discrepancy that finds no gold one
has two sides that both touch the trap's documents. A gold attribution is found when a claim
of its document has a speaker (as written, or its actor's name or aliases) sharing at least
half of the gold speaker's name words, compared by consonant skeleton so that Arabic and
Latin spellings meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from consistency.extract.identity import skeleton
from consistency.models import Discrepancy, Report

_NUMERIC = {"casualty_count", "count"}
_STOP = {"the", "a", "an", "of", "and", "al", "el", "for", "to", "in", "on", "its", "his", "via", "s", "u", "us"}


@dataclass
class KindScore:
    gold: int = 0
    found: int = 0
    reported: int = 0
    correct: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.reported if self.reported else None


@dataclass
class Scores:
    kinds: dict[str, KindScore] = field(default_factory=dict)
    found: list[str] = field(default_factory=list)  # gold ids found
    missed: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # reported ids that found no gold
    traps_flagged: list[str] = field(default_factory=list)
    attributions_found: int = 0
    attributions_total: int = 0

    @property
    def recall(self) -> float:
        total = len(self.found) + len(self.missed)
        return len(self.found) / total if total else 1.0

    @property
    def precision(self) -> float:
        reported = sum(k.reported for k in self.kinds.values())
        correct = sum(k.correct for k in self.kinds.values())
        return correct / reported if reported else 1.0

    @property
    def attribution_recall(self) -> float:
        return self.attributions_found / self.attributions_total if self.attributions_total else 1.0

    def as_dict(self) -> dict:
        return {
            "recall": round(self.recall, 4),
            "precision": round(self.precision, 4),
            "traps_flagged": self.traps_flagged,
            "attribution_recall": round(self.attribution_recall, 4),
            "found": self.found,
            "missed": self.missed,
            "unmatched": self.unmatched,
            "kinds": {
                k: {"gold": s.gold, "found": s.found, "reported": s.reported, "correct": s.correct,
                    "recall": None if s.recall is None else round(s.recall, 4),
                    "precision": None if s.precision is None else round(s.precision, 4)}
                for k, s in sorted(self.kinds.items())
            },
        }


def _subject_match(gold: str, ours: str) -> bool:
    """Gold subjects are free words: "munitions" meets our "missiles" through the subject
    lexicon (the words that make a number count missiles)."""
    g, o = gold.lower(), ours.lower()
    if g == o or o in g.split() or g in o:
        return True
    from consistency.extract.lexicon import facet_table

    words = set(facet_table("en").get("count_subjects", {}).get(o, []))
    return any(w in words for w in re.findall(r"[a-z]+", g))


def matches(reported: Discrepancy, gold: dict) -> bool:
    if reported.kind != gold["kind"]:
        return False
    if reported.kind in _NUMERIC and not _subject_match(gold.get("subject", ""), reported.subject):
        return False
    gsides = [set(s.get("documents", [])) for s in gold.get("sides", [])]
    rsides = [set(s.document_ids) for s in reported.sides]
    for i, ri in enumerate(rsides):
        for j, rj in enumerate(rsides):
            if i == j:
                continue
            for a, ga in enumerate(gsides):
                for b, gb in enumerate(gsides):
                    if a != b and ri & ga and rj & gb:
                        return True
    return False


def _words(text: str | None) -> set[str]:
    out = set()
    for w in re.findall(r"\w+", text or ""):
        if w.lower() in _STOP:
            continue
        s = skeleton(w)
        if s:
            out.add(s)
    return out


def _attribution_found(report: Report, gold: dict) -> bool:
    want = _words(gold.get("speaker"))
    if not want:
        return False
    actors = {a.id: a for a in report.actors}
    docs = {d.id: d for d in report.documents}
    doc = docs.get(gold.get("document"))
    for claim in report.claims:
        if claim.document_id != gold.get("document"):
            continue
        actor = actors.get(claim.actor_id or "")
        have = _words(claim.speaker)
        if actor is not None:
            have |= _words(actor.name)
            for alias in actor.aliases:
                have |= _words(alias)
        if claim.speaker is None and doc is not None:
            have |= _words(doc.source)
        if len(want & have) * 2 >= len(want):
            return True
    return False


def evaluate(report: Report, gold: dict) -> Scores:
    scores = Scores()
    golds = gold.get("discrepancies", [])
    for g in golds:
        scores.kinds.setdefault(g["kind"], KindScore()).gold += 1
    matched_reported: set[str] = set()
    for g in golds:
        hits = [r for r in report.discrepancies if matches(r, g)]
        if hits:
            scores.found.append(g["id"])
            scores.kinds[g["kind"]].found += 1
            matched_reported.update(r.id for r in hits)
        else:
            scores.missed.append(g["id"])
    for r in report.discrepancies:
        ks = scores.kinds.setdefault(r.kind, KindScore())
        ks.reported += 1
        if r.id in matched_reported:
            ks.correct += 1
        else:
            scores.unmatched.append(r.id)
    unmatched = [r for r in report.discrepancies if r.id not in matched_reported]
    for trap in gold.get("non_discrepancies", []):
        docs = set(trap.get("documents", []))
        if any(sum(1 for s in r.sides if set(s.document_ids) & docs) >= 2 for r in unmatched):
            scores.traps_flagged.append(trap["id"])
    atts = gold.get("attributions", [])
    scores.attributions_total = len(atts)
    scores.attributions_found = sum(1 for a in atts if _attribution_found(report, a))
    return scores


def format_scores(scores: Scores) -> str:
    lines = ["kind                recall     precision  (gold found / reported correct)"]
    for kind, s in sorted(scores.kinds.items()):
        rec = "-" if s.recall is None else f"{s.recall:.2f}"
        prec = "-" if s.precision is None else f"{s.precision:.2f}"
        lines.append(f"{kind:<19} {rec:<10} {prec:<10} ({s.found}/{s.gold} / {s.correct}/{s.reported})")
    if scores.missed:
        lines.append("missed: " + ", ".join(scores.missed))
    lines.append(f"traps flagged: {', '.join(scores.traps_flagged) or 'none'}")
    lines.append(f"attribution recall: {scores.attribution_recall:.2f} ({scores.attributions_found}/{scores.attributions_total})")
    lines.append(f"recall {scores.recall:.2f}  precision {scores.precision:.2f}  traps flagged {len(scores.traps_flagged)}")
    return "\n".join(lines)

