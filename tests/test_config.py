"""Layered settings: defaults < consistency.toml / [tool.consistency] < command line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from consistency.config import COMMAND_LINE, DEFAULT, Settings, find_config, load_settings
from consistency.errors import ConfigError

ERROR_CASES = yaml.safe_load((Path(__file__).parent / "cases" / "config_errors.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def folders(tmp_path, monkeypatch):
    """A corpus folder and a separate current directory, neither with settings yet."""
    corpus, cwd = tmp_path / "corpus", tmp_path / "work"
    corpus.mkdir()
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return corpus, cwd


def test_defaults_when_no_file(folders):
    corpus, _ = folders
    loaded = load_settings(corpus)
    assert loaded.config_path is None
    assert loaded.settings == Settings()
    assert set(loaded.sources.values()) == {DEFAULT}


def test_corpus_file_then_command_line(folders):
    corpus, _ = folders
    (corpus / "consistency.toml").write_text(
        'embedder = "tfidf"\nmin-severity = "medium"\ngazetteers = ["actors.toml"]\n'
        'baseline = "reviewed.json"\n[thresholds]\nevent_similarity = 0.42\n'
        '[[ignores]]\nkind = "justification"\nreason = "frames are compared by the desk by hand"\n',
        encoding="utf-8",
    )
    loaded = load_settings(corpus, overrides={"min_severity": "high", "embedder": None})
    settings = loaded.settings
    assert loaded.config_path == corpus / "consistency.toml"
    assert settings.embedder == "tfidf" and loaded.sources["embedder"] == str(corpus / "consistency.toml")
    assert settings.min_severity == "high" and loaded.sources["min_severity"] == COMMAND_LINE
    assert settings.thresholds == {"event_similarity": 0.42}
    assert settings.ignores[0].kind == "justification"
    # Paths in the file are relative to the file, wherever the command runs.
    assert settings.gazetteers == [str(corpus / "actors.toml")]
    assert settings.baseline == str(corpus / "reviewed.json")
    assert loaded.sources["kinds"] == DEFAULT


def test_pyproject_table_and_search_order(folders):
    corpus, cwd = folders
    (cwd / "pyproject.toml").write_text('[tool.consistency]\nembedder = "e5"\n', encoding="utf-8")
    assert load_settings(corpus).settings.embedder == "e5"  # found in the current directory
    (corpus / "pyproject.toml").write_text('[project]\nname = "notes"\n', encoding="utf-8")
    assert find_config(corpus) == Path("pyproject.toml")  # a pyproject without the table is skipped
    (corpus / "pyproject.toml").write_text('[tool.consistency]\nembedder = "tfidf"\n', encoding="utf-8")
    assert load_settings(corpus).settings.embedder == "tfidf"  # the corpus folder comes first
    (corpus / "consistency.toml").write_text('embedder = "use"\n', encoding="utf-8")
    assert find_config(corpus) == corpus / "consistency.toml"  # and consistency.toml before pyproject


def test_explicit_config_file_wins_over_discovery(folders, tmp_path):
    corpus, _ = folders
    (corpus / "consistency.toml").write_text('embedder = "tfidf"\n', encoding="utf-8")
    other = tmp_path / "ci.toml"
    other.write_text('embedder = "st:paraphrase-multilingual-MiniLM-L12-v2"\nfail_on = ["perpetrator"]\n', encoding="utf-8")
    loaded = load_settings(corpus, config_file=other)
    assert loaded.settings.embedder.startswith("st:")
    assert loaded.settings.fail_on == ["perpetrator"]
    assert loaded.sources["fail_on"] == str(other)


def test_corpus_given_as_a_file_looks_in_its_folder(folders):
    corpus, _ = folders
    (corpus / "consistency.toml").write_text('event_window_days = 5\n', encoding="utf-8")
    (corpus / "statements.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    assert load_settings(corpus / "statements.jsonl").settings.event_window_days == 5


def test_missing_explicit_file(folders, tmp_path):
    with pytest.raises(ConfigError, match="nope.toml: configuration file not found"):
        load_settings(folders[0], config_file=tmp_path / "nope.toml")


def test_bad_command_line_value_names_the_setting(folders):
    with pytest.raises(ConfigError, match=r"command line: key 'fail_on.*unknown kind 'casualty'"):
        load_settings(folders[0], overrides={"fail_on": ["casualty"]})


def test_gate_settings_do_not_change_the_report_digest():
    base = Settings()
    assert Settings(min_severity="high", fail_on=["perpetrator"], baseline="b.json").digest() == base.digest()
    assert Settings(embedder="tfidf").digest() != base.digest()


@pytest.mark.parametrize("case", ERROR_CASES, ids=[c["name"] for c in ERROR_CASES])
def test_invalid_files_name_file_and_key(case, folders):
    corpus, _ = folders
    (corpus / case["file"]).write_text(case["text"], encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(corpus)
    message = str(caught.value)
    for fragment in case["expect"]:
        assert fragment in message, message
