"""The gate on the real pipeline: fingerprints survive reordering and renaming; a new
conflicting document fails the check and names itself; removing it leaves a stale entry.

Uses the `tfidf` embedder (the texts are English) and no cache, so it runs in seconds.
"""

from __future__ import annotations

import json
import shutil

import pytest

from consistency.config import Settings
from consistency.gate import check, make_baseline

pytest.importorskip("consistency.pipeline", reason="consistency.pipeline has not landed")

SETTINGS = Settings(embedder="tfidf", use_cache=False)

RECORDS = [
    {"id": "ap-dnipro-depot", "source": "Associated Press", "date": "2024-04-19", "language": "en",
     "title": "Missile strike on Dnipro rail depot kills 8",
     "text": "A Russian missile hit a railway depot in Dnipro on Friday, killing eight people and wounding 25, "
             "regional governor Serhiy Lysak said. Rescuers worked through the night at the depot."},
    {"id": "ukrinform-dnipro-depot", "source": "Ukrinform", "date": "2024-04-19", "language": "en",
     "title": "Dnipro depot strike",
     "text": "Ukraine's national railway company said 11 people were killed and 25 wounded when a missile struck "
             "its depot in Dnipro on Friday. Train traffic through the city was diverted, the company said."},
]
NEW_RECORD = {
    "id": "kyivpost-dnipro-depot", "source": "Kyiv Post", "date": "2024-04-20", "language": "en",
    "title": "Dnipro depot strike: wounded figure rises",
    "text": "Dnipro's city council said on Saturday that 40 people were wounded in Friday's missile strike on "
            "the railway depot."}


def _write_jsonl(folder, records):
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    (folder / "statements.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_markdown(folder, records, names):
    folder.mkdir(parents=True, exist_ok=True)
    for record, name in zip(records, names):
        meta = "\n".join(f"{k}: {json.dumps(record[k])}" for k in ("id", "source", "date", "language", "title"))
        (folder / name).write_text(f"---\n{meta}\n---\n{record['text']}\n", encoding="utf-8")


def _fingerprints(result):
    return sorted(f.fingerprint for f in result.findings)


@pytest.fixture(scope="module")
def baseline_of_two(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gate") / "corpus"
    _write_jsonl(folder, RECORDS)
    result = check(folder, settings=SETTINGS)
    assert [f.discrepancy.subject for f in result.findings] == ["killed"], result.findings
    return folder, make_baseline(result.report)


def test_reordered_records_change_no_fingerprint(baseline_of_two, tmp_path):
    folder, baseline = baseline_of_two
    _write_jsonl(tmp_path / "corpus", list(reversed(RECORDS)))
    result = check(tmp_path / "corpus", settings=SETTINGS, baseline=baseline)
    assert result.exit_code == 0 and not result.stale
    assert make_baseline(result.report).to_json() == baseline.to_json()


def test_renamed_files_and_another_format_change_no_fingerprint(baseline_of_two, tmp_path):
    _, baseline = baseline_of_two
    _write_markdown(tmp_path / "a", RECORDS, ["1.md", "2.md"])
    _write_markdown(tmp_path / "b", RECORDS, ["dnipro-railway.md", "00-first.md"])
    first = check(tmp_path / "a", settings=SETTINGS, baseline=baseline)
    second = check(tmp_path / "b", settings=SETTINGS, baseline=baseline)
    assert first.exit_code == second.exit_code == 0
    assert _fingerprints(first) == _fingerprints(second) == sorted(baseline.fingerprints())


def test_new_conflicting_document_fails_then_goes_stale_when_removed(baseline_of_two, tmp_path):
    folder, _ = baseline_of_two
    corpus = tmp_path / "corpus"
    shutil.copytree(folder, corpus)
    _write_markdown(corpus, [NEW_RECORD], ["kyivpost.md"])
    added = check(corpus, settings=SETTINGS, baseline=make_baseline(check(folder, settings=SETTINGS).report))
    assert added.exit_code == 1
    assert [(f.discrepancy.kind, f.discrepancy.subject) for f in added.new] == [("casualty_count", "injured")]
    assert "kyivpost-dnipro-depot" in {doc for side in added.new[0].discrepancy.sides for doc in side.document_ids}
    assert [f.status for f in added.findings if f.discrepancy.subject == "killed"] == ["known"]

    accepted = make_baseline(added.report)
    (corpus / "kyivpost.md").unlink()
    removed = check(corpus, settings=SETTINGS, baseline=accepted)
    assert removed.exit_code == 0
    assert [(e.kind, e.subject) for e in removed.stale] == [("casualty_count", "injured")]
    assert check(corpus, settings=SETTINGS, baseline=accepted, fail_on_stale=True).exit_code == 1


def test_a_document_that_changes_the_event_id_changes_no_fingerprint(baseline_of_two, tmp_path):
    folder, baseline = baseline_of_two
    before = check(folder, settings=SETTINGS)
    corpus = tmp_path / "corpus"
    shutil.copytree(folder, corpus)
    # Sorts before every other id, so it becomes the event's anchor; it states no figure.
    _write_markdown(corpus, [{
        "id": "aa-dnipro-rail", "source": "Anadolu Agency", "date": "2024-04-19", "language": "en",
        "title": "Dnipro rail traffic diverted after strike",
        "text": "Trains through Dnipro were diverted on Friday after a missile struck the city's railway depot, "
                "Ukraine's national railway company said."}], ["aa.md"])
    after = check(corpus, settings=SETTINGS, baseline=baseline)
    assert {d.event_id for d in after.report.discrepancies} != {d.event_id for d in before.report.discrepancies}
    assert after.exit_code == 0 and not after.stale


def test_real_findings_render_to_valid_sarif_junit_and_annotations(tmp_path):
    import xml.etree.ElementTree as ET
    from pathlib import Path

    import jsonschema

    from consistency.render.github import render_github
    from consistency.render.junit import render_junit
    from consistency.render.sarif import render_sarif

    corpus = tmp_path / "corpus"
    _write_markdown(corpus, RECORDS, ["ap.md", "ukrinform.md"])
    result = check(corpus, settings=SETTINGS)
    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(render_sarif(result))
    jsonschema.Draft4Validator(schema).validate(log)
    regions = [loc["physicalLocation"]["region"] for loc in log["runs"][0]["results"][0]["locations"]]
    # Front matter of 5 keys between two '---' lines: the text starts on line 8.
    assert [r["startLine"] for r in regions] == [8, 8]
    text = {"ap.md": RECORDS[0]["text"], "ukrinform.md": RECORDS[1]["text"]}
    for loc in log["runs"][0]["results"][0]["locations"]:
        name = loc["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[1]
        region = loc["physicalLocation"]["region"]
        assert text[name][region["startColumn"] - 1: region["endColumn"] - 1] == region["snippet"]["text"]
    assert ET.fromstring(render_junit(result)).get("failures") == "1"
    errors = [line for line in render_github(result).splitlines() if line.startswith("::error ")]
    assert len(errors) == 2 and all(",line=8,col=" in line for line in errors)
