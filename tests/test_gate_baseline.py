"""Fingerprints and baselines: stable identity of a finding, round trip, stale entries."""

from __future__ import annotations

import json

import pytest
from gate_reports import gate_report, load_case

from consistency.errors import InputError
from consistency.gate import check, fingerprint, fingerprints, load_baseline, make_baseline


def _by_kind(report):
    fps = fingerprints(report)
    return {(d.kind, d.subject): fps[d.id] for d in report.discrepancies}


def test_fingerprints_ignore_order_ids_and_claim_ids():
    forward, backward = gate_report(), gate_report(reverse=True)
    assert [d.id for d in forward.discrepancies] != [d.id for d in backward.discrepancies]
    assert forward.claims[0].id != backward.claims[0].id
    assert _by_kind(forward) == _by_kind(backward)
    assert len(set(_by_kind(forward).values())) == len(forward.discrepancies)


def test_fingerprints_ignore_file_names():
    case = load_case()
    for document in case["documents"]:
        document["path"] = "renamed/" + document["path"].replace(".md", ".txt")
    assert _by_kind(gate_report(case)) == _by_kind(gate_report())


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.sides[0].__setattr__("value", "4"),
        lambda d: d.sides[1].__setattr__("document_ids", ["another-outlet"]),
        lambda d: d.__setattr__("subject", "injured"),
        lambda d: d.__setattr__("kind", "count"),
    ],
    ids=["value", "documents", "subject", "kind"],
)
def test_fingerprint_changes_with_what_the_finding_is(change):
    report = gate_report()
    killed = report.discrepancies[0].model_copy(deep=True)
    dates = _dates(report)
    before = fingerprint(killed, dates)
    change(killed)
    assert fingerprint(killed, dates) != before


def _dates(report):
    return {d.id: d.date for d in report.documents}


def test_fingerprint_depends_on_its_documents_dates_not_on_the_event():
    report = gate_report()
    d = report.discrepancies[0]
    before = fingerprints(report)[d.id]
    # The event gains an earlier document and another id: nothing about this finding changed.
    earlier = report.documents[0].model_copy(update={"id": "early-report", "date": "2024-03-11"})
    event = report.events[0].model_copy(update={"id": "e7", "date": "2024-03-11",
                                                "document_ids": report.events[0].document_ids + ["early-report"]})
    grown = report.model_copy(update={"documents": report.documents + [earlier], "events": [event],
                                      "discrepancies": [d.model_copy(update={"event_id": "e7"})]})
    assert fingerprints(grown)[d.id] == before
    # The finding's own documents dated a week later: another incident, another fingerprint.
    later = {doc_id: "2024-03-19" for doc_id in _dates(report)}
    assert fingerprint(d, later) != before


def test_value_spacing_and_case_do_not_matter():
    report = gate_report()
    d = report.discrepancies[2].model_copy(deep=True)
    before = fingerprint(d, _dates(report))
    d.sides[1].value = "  us   Forces "
    assert fingerprint(d, _dates(report)) == before


def test_round_trip_keeps_reasons_and_is_deterministic(tmp_path):
    report = gate_report()
    baseline = make_baseline(report)
    baseline.entries[1].reason = "the desk confirmed both figures were published; kept as a dispute"
    path = tmp_path / "baseline.json"
    path.write_text(baseline.to_json(), encoding="utf-8")
    loaded = load_baseline(path)
    assert loaded == baseline
    assert check(report, baseline=path).exit_code == 0
    rewritten = make_baseline(gate_report(reverse=True), previous=loaded)
    assert rewritten.to_json() == baseline.to_json()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert {"fingerprint", "kind", "subject", "summary", "reason"} <= set(data["entries"][0])


def test_new_document_fails_and_removed_one_goes_stale():
    without = gate_report(drop={"alfurat-mosul-strike"})
    baseline = make_baseline(without)
    result = check(gate_report(), baseline=baseline)
    assert result.exit_code == 1
    assert [(f.discrepancy.kind, f.discrepancy.subject) for f in result.new] == [("target", "target")]
    assert "alfurat-mosul-strike" in result.new[0].discrepancy.sides[0].document_ids
    # The other findings are untouched by the new document: still known, nothing stale.
    assert result.counts()["known"] == 3 and not result.stale

    # Accepted into the baseline, then the document is removed: its entry is stale.
    baseline = make_baseline(gate_report())
    result = check(gate_report(drop={"alfurat-mosul-strike"}), baseline=baseline)
    assert result.exit_code == 0
    assert [(e.kind, e.subject) for e in result.stale] == [("target", "target")]
    result = check(gate_report(drop={"alfurat-mosul-strike", "ina-mosul-strike"}), baseline=baseline)
    assert sorted(e.subject for e in result.stale) == ["injured", "killed", "perpetrator", "target"]
    assert check(gate_report(drop={"alfurat-mosul-strike"}), baseline=baseline, fail_on_stale=True).exit_code == 1


@pytest.mark.parametrize(
    "text, problem",
    [
        (None, "baseline file not found"),
        ("{not json", "not valid JSON"),
        ('{"version": 1}', "not a baseline file"),
        ('{"version": 9, "entries": []}', "unsupported baseline version 9"),
        ('{"version": 1, "entries": [{"kind": "target"}]}', "invalid baseline at entries.0.fingerprint"),
    ],
)
def test_bad_baseline_files_name_the_file(tmp_path, text, problem):
    path = tmp_path / "reviewed.json"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_baseline(path)
    assert str(path) in str(caught.value) and problem in str(caught.value)
