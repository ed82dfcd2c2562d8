"""CI outputs of a check: text for logs, JUnit XML, SARIF 2.1.0, GitHub workflow commands."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from gate_reports import gate_report, load_case

from consistency.config import Ignore, Settings
from consistency.gate import check, make_baseline
from consistency.render.github import escape_data, escape_property, render_github
from consistency.render.junit import render_junit
from consistency.render.sarif import render_sarif
from consistency.render.text import render_text

SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _mixed_result():
    """Every status at once: new, known (with a reason), ignored, filtered, and a stale entry."""
    baseline = make_baseline(gate_report(drop={"alfurat-mosul-strike"}))
    baseline.entries[0].reason = "both tolls were published; the desk keeps them side by side"
    stale = baseline.entries[0].model_copy(update={"fingerprint": "f" * 64, "subject": "missing"})
    baseline.entries.append(stale)
    settings = Settings(ignores=[Ignore(kind="perpetrator", reason="attribution is disputed on the record")])
    return check(gate_report(), settings=settings, baseline=baseline)


def _located_line(doc_id: str, fragment: str) -> tuple[int, int]:
    """Line and column of `fragment` in the file the case says the document comes from."""
    doc = next(d for d in load_case()["documents"] if d["id"] == doc_id)
    start = doc["text"].index(fragment)
    before = doc["text"][:start]
    return doc["text_line"] + before.count("\n"), start - (before.rfind("\n") + 1) + 1


def test_text_shows_each_new_finding_with_sides_and_quotes():
    text = render_text(check(gate_report(), min_severity="high"))
    line, column = _located_line("ina-mosul-strike", "مقتل خمسة أشخاص")
    assert "NEW casualty_count/killed [high]" in text
    assert "side 1: 3 (Associated Press: ap-mosul-strike)" in text
    assert f'corpus/ina-mosul-strike.md:{line}:{column} "مقتل خمسة أشخاص"' in text
    assert "filtered target/target [low]" in text
    assert text.rstrip().endswith("FAIL: 1 new finding needs review (3 filtered)")


def test_text_of_a_mixed_result():
    text = render_text(_mixed_result())
    assert "NEW target/target [low]" in text
    assert "corpus/wires.jsonl:1" in text  # a record's span is located at the record's line
    assert "(both tolls were published; the desk keeps them side by side)" in text
    assert "ignored perpetrator/perpetrator" in text and "attribution is disputed on the record" in text
    assert "STALE casualty_count/missing ffffffffffff: no longer found" in text
    assert "FAIL: 1 new finding needs review (2 known, 1 ignored, 1 stale)" in text


def test_text_ok_when_nothing_needs_attention():
    report = gate_report()
    assert render_text(check(report, baseline=make_baseline(report))).rstrip().endswith("OK: nothing needs attention (4 known)")


def test_junit_parses_and_has_the_attributes_readers_require():
    result = _mixed_result()
    root = ET.fromstring(render_junit(result).encode("utf-8"))
    assert root.tag == "testsuites"
    cases = root.findall("./testsuite/testcase")
    for suite in root.findall("testsuite"):
        assert {"name", "tests", "failures", "errors", "skipped", "time"} <= set(suite.attrib)
        suite_cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(suite_cases)
        assert int(suite.get("failures")) == sum(c.find("failure") is not None for c in suite_cases)
        assert int(suite.get("skipped")) == sum(c.find("skipped") is not None for c in suite_cases)
    for case in cases:
        assert case.get("name") and case.get("classname") and case.get("time") is not None
        for failure in case.findall("failure"):
            assert failure.get("message") and failure.get("type")
    assert int(root.get("tests")) == len(cases) == 5  # 4 findings + 1 stale entry
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("classname") for c in failed] == ["consistency.target"]
    assert "تقل مدنيين" in failed[0].find("failure").text
    assert failed[0].get("file") == "corpus/wires.jsonl" and failed[0].get("line") == "1"


def test_junit_expectations_are_testcases():
    report = gate_report()
    result = check(report, baseline=make_baseline(report))
    from consistency.gate.expect import Expectation

    result.expectations = [Expectation(kind="discrepancy", id="G1", passed=True, message="G1 found"),
                           Expectation(kind="trap", id="N1", passed=False, message="trap N1 was flagged")]
    result.expect_file = "gold.json"
    root = ET.fromstring(render_junit(result))
    suite = root.find("testsuite[@name='consistency expectations: gold.json']")
    assert suite.get("tests") == "2" and suite.get("failures") == "1"


def test_junit_survives_control_characters_in_corpus_text():
    case = load_case()
    case["discrepancies"][3]["summary"] = "bell \x07 and vertical tab \x0b in a scraped summary"
    xml = render_junit(check(gate_report(case)))
    ET.fromstring(xml)


def test_sarif_validates_against_the_official_schema():
    log = json.loads(render_sarif(_mixed_result()))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["casualty_count", "perpetrator", "target"]
    by_state = {}
    for res in run["results"]:
        assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        by_state.setdefault(res.get("baselineState"), []).append(res)
    assert len(by_state["new"]) == 1 and by_state["new"][0]["level"] == "error"
    assert len(by_state["absent"]) == 1
    ignored = [r for r in run["results"] if "suppressions" in r]
    assert ignored[0]["suppressions"][0]["justification"] == "attribution is disputed on the record"


def test_sarif_locations_point_at_each_sides_span():
    log = json.loads(render_sarif(check(gate_report())))
    killed = next(r for r in log["runs"][0]["results"] if "killed" in r["message"]["text"])
    regions = {loc["physicalLocation"]["artifactLocation"]["uri"]: loc["physicalLocation"]["region"]
               for loc in killed["locations"]}
    line, column = _located_line("ap-mosul-strike", "killing three people")
    assert regions["corpus/ap-mosul-strike.md"]["startLine"] == line
    assert regions["corpus/ap-mosul-strike.md"]["startColumn"] == column
    assert regions["corpus/ap-mosul-strike.md"]["endColumn"] == column + len("killing three people")
    line, column = _located_line("ina-mosul-strike", "مقتل خمسة أشخاص")
    assert (regions["corpus/ina-mosul-strike.md"]["startLine"], regions["corpus/ina-mosul-strike.md"]["startColumn"]) == (line, column)
    injured = next(r for r in log["runs"][0]["results"] if "injured" in r["message"]["text"])
    assert len(injured["relatedLocations"]) == 1  # the second quote of AP's side


def test_sarif_uri_of_a_non_ascii_file_name_is_escaped():
    case = load_case()
    case["documents"][1]["path"] = "تقارير/وكالة الأنباء.md"
    log = json.loads(render_sarif(check(gate_report(case))))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"] for loc in r.get("locations", [])}
    assert all(re.fullmatch(r"[A-Za-z0-9%/._-]+", uri) for uri in uris), uris


ANNOTATION = re.compile(r"^::(error|warning|notice) (file=[^,:]+,line=\d+(,col=\d+,endLine=\d+,endColumn=\d+)?,)?title=[^:]+::.+$")


def test_github_annotations_have_the_documented_form():
    output = render_github(_mixed_result())
    commands = [line for line in output.splitlines() if line.startswith("::")]
    assert commands and all(ANNOTATION.match(line) for line in commands), commands
    errors = [line for line in commands if line.startswith("::error")]
    assert len(errors) == 2  # one per side of the one new finding
    assert errors[0].startswith("::error file=corpus/wires.jsonl,line=1,title=target/target [low] ")
    assert "%0AThis document's side (1 of 2): civilians." in errors[0]
    assert any(line.startswith("::warning title=stale%3A casualty_count/missing::") for line in commands)


def test_github_annotations_carry_line_and_column_of_text_files():
    output = render_github(check(gate_report(), min_severity="high"))
    line, column = _located_line("ap-mosul-strike", "killing three people")
    assert f"::error file=corpus/ap-mosul-strike.md,line={line},col={column},endLine={line}," in output


@pytest.mark.parametrize(
    "raw, data, prop",
    [
        ("100% sure", "100%25 sure", "100%25 sure"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("at 12:30, in Mosul", "at 12:30, in Mosul", "at 12%3A30%2C in Mosul"),
        ("::error::injected", "::error::injected", "%3A%3Aerror%3A%3Ainjected"),
    ],
)
def test_github_escaping(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_github_message_from_a_hostile_corpus_stays_one_command():
    case = load_case()
    case["discrepancies"][0]["summary"] = "toll disputed\n::error file=x,line=1::forged 100%"
    output = render_github(check(gate_report(case), min_severity="high"))
    commands = [line for line in output.splitlines() if line.startswith("::")]
    assert len(commands) == 2 and all("forged 100%25" in line for line in commands)


def test_text_quotes_a_figure_within_its_sentence():
    report = gate_report()
    sentence = report.documents[0].text.split("\n")[0]
    claims = [c.model_copy(update={"text": sentence}) if c.document_id == "ap-mosul-strike" else c for c in report.claims]
    text = render_text(check(report.model_copy(update={"claims": claims}), min_severity="high"))
    assert f'"killing three people"\n      in "{sentence}"' in text


def test_a_corpus_given_as_one_file_is_the_location():
    from consistency.gate.locations import Locator

    case = load_case()
    for document in case["documents"]:
        document["path"] = "wires.jsonl"
    report = gate_report(case)
    side = report.discrepancies[0].sides[0]
    assert Locator(report, "incoming/wires.jsonl").side(side)[0].path == "incoming/wires.jsonl"
    assert Locator(report, "./incoming").side(side)[0].path == "incoming/wires.jsonl"
