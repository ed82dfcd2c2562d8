"""report.md: a readable summary, each discrepancy with its sides quoted."""

from __future__ import annotations

from collections import Counter

from consistency.models import Report


def _quote(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_markdown(report: Report, claim_count: int | None = None) -> str:
    """`claim_count`: the report's number of claims when `report.claims` holds only the claims
    the discrepancies quote (`StoredReport.quoted`, for reports too large to hold whole)."""
    docs = {d.id: d for d in report.documents}
    actors = {a.id: a for a in report.actors}
    events = {e.id: e for e in report.events}
    claims = {c.id: c for c in report.claims}
    lines = [f"# Consistency report: {report.created_from.corpus}", ""]
    langs = Counter(d.language for d in report.documents)
    lines.append(
        f"{len(report.documents)} documents ({', '.join(f'{n} {l}' for l, n in sorted(langs.items()))}), "
        f"{len(report.claims) if claim_count is None else claim_count} claims, {len(report.events)} events, "
        f"{len(report.discrepancies)} discrepancies, {len(report.revisions)} revisions."
    )
    lines.append("")
    if report.skipped:
        lines += ["## Skipped files", ""] + [f"- `{s.path}`: {s.reason}" for s in report.skipped] + [""]
    by_kind = Counter(d.kind for d in report.discrepancies)
    if by_kind:
        lines.append("| kind | discrepancies |")
        lines.append("|---|---|")
        lines += [f"| {k} | {n} |" for k, n in sorted(by_kind.items())]
        lines.append("")
    lines += ["## Discrepancies", ""]
    if not report.discrepancies:
        lines += ["None found.", ""]
    for d in report.discrepancies:
        event = events.get(d.event_id)
        lines.append(f"### {d.kind} / {d.subject} ({d.severity})")
        lines.append("")
        lines.append(f"Event: {event.label if event else d.event_id}  ")
        lines.append(f"{d.summary}")
        lines.append("")
        for side in d.sides:
            lines.append(f"- **{side.value}**")
            for q in side.quotes:
                claim = claims.get(q.claim_id)
                doc = docs.get(q.document_id)
                who = actors.get(claim.actor_id).name if claim and claim.actor_id in actors else "?"
                via = f" via {claim.via}" if claim and claim.via else ""
                source = doc.source if doc and doc.source else q.document_id
                lines.append(f"  - {who}{via} ({source}, `{q.document_id}` {q.span[0]}–{q.span[1]}): "
                             f"“{_quote(q.text)}” in “{_quote(claim.text) if claim else ''}”")
        lines.append("")
    if report.revisions:
        lines += ["## Revisions (a later figure from the same source, not a discrepancy)", ""]
        for r in report.revisions:
            who = actors[r.actor_id].name if r.actor_id in actors else r.actor_id
            lines.append(f"- {r.subject}: {' → '.join(r.values)} ({who}; {', '.join(r.document_ids)})")
        lines.append("")
    related = [e for e in report.events if e.date is None and e.related_event_ids]
    if related:
        lines += ["## Related events (recalled in the coverage, compared separately)", ""]
        lines += [f"- {_quote(e.label)} ({', '.join(e.document_ids)})" for e in related]
        lines.append("")
    return "\n".join(lines)
