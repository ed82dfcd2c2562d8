"""Reports for the CI gate's tests, built from tests/cases/gate_report.yaml.

Quotes are substrings of their documents; the builder finds the spans, so a fixture cannot
point at the wrong characters. `gate_report(drop=..., order=...)` derives variants: a
document removed, the documents in another order.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from consistency.models import (
    Actor,
    Claim,
    CreatedFrom,
    Discrepancy,
    Document,
    Event,
    Quote,
    Report,
    Side,
    Tool,
)

CASES = Path(__file__).parent / "cases" / "gate_report.yaml"


def load_case() -> dict:
    return yaml.safe_load(CASES.read_text(encoding="utf-8"))


def gate_report(case: dict | None = None, *, drop: set[str] = frozenset(), reverse: bool = False) -> Report:
    """The report of the case; `drop` removes documents (and what rests on them only)."""
    case = case or load_case()
    documents = [Document(**d) for d in case["documents"] if d["id"] not in drop]
    if reverse:
        documents.reverse()
    texts = {d.id: d.text for d in documents}
    claims: list[Claim] = []
    discrepancies: list[Discrepancy] = []
    for item in case["discrepancies"]:
        sides = []
        for side in item["sides"]:
            quotes = []
            for doc_id, fragment in side["quotes"]:
                if doc_id not in texts:
                    continue
                start = texts[doc_id].find(fragment)
                assert start >= 0, f"{fragment!r} not in {doc_id}"
                claim_id = f"{'rc' if reverse else 'c'}{len(claims) + 1}"
                span = (start, start + len(fragment))
                claims.append(Claim(id=claim_id, document_id=doc_id, actor_id=side["actor"],
                                    speaker=None, text=fragment, span=span, event_id=item["event"]))
                quotes.append(Quote(claim_id=claim_id, document_id=doc_id, span=span, text=fragment))
            if quotes:
                sides.append(Side(value=side["value"], low=side.get("low"), high=side.get("high"),
                                  claim_ids=[q.claim_id for q in quotes],
                                  document_ids=sorted({q.document_id for q in quotes}),
                                  actor_ids=[side["actor"]], quotes=quotes))
        if len(sides) >= 2:
            discrepancies.append(Discrepancy(id=item["id"], kind=item["kind"], subject=item["subject"],
                                             severity=item["severity"], event_id=item["event"],
                                             summary=item["summary"], sides=sides))
    if reverse:
        # Another reading order gives other claim ids and other side order: nothing that
        # identifies a finding may depend on either.
        discrepancies = [d.model_copy(update={"id": f"r{n}", "sides": list(reversed(d.sides))})
                         for n, d in enumerate(reversed(discrepancies))]
    events = [Event(id=e["id"], label=e["label"], date=e.get("date"),
                    claim_ids=[c.id for c in claims if c.event_id == e["id"]],
                    document_ids=sorted({c.document_id for c in claims if c.event_id == e["id"]}))
              for e in case["events"]]
    return Report(
        tool=Tool(version="test"),
        created_from=CreatedFrom(corpus=case["corpus"], config_digest="test"),
        documents=documents,
        actors=[Actor(**a) for a in case["actors"]],
        claims=claims,
        events=events,
        discrepancies=discrepancies,
        revisions=[],
    )
