"""Settings of a run. Layered: defaults < consistency.toml / [tool.consistency] < command line.

    loaded = load_settings("corpus/", overrides={"embedder": "tfidf"})
    loaded.settings.embedder        # "tfidf"
    loaded.sources["embedder"]      # "command line"

The file is `--config FILE`, else the first of `consistency.toml` or a `pyproject.toml` with a
`[tool.consistency]` table found in the corpus folder, then in the current directory.
Relative paths in a file (gazetteers, baseline, cache_dir) are relative to that file.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from consistency.errors import ConfigError
from consistency.models import KINDS, Severity

SEVERITIES = ("low", "medium", "high")
DEFAULT = "default"
COMMAND_LINE = "command line"


class Ignore(BaseModel):
    """A reviewed finding to leave out, with the reason it was accepted."""

    model_config = ConfigDict(extra="forbid")
    fingerprint: str | None = None
    kind: str | None = None
    subject: str | None = None
    reason: str

    @model_validator(mode="after")
    def _says_what_and_why(self) -> Ignore:
        if not self.fingerprint and not self.kind:
            raise ValueError("an ignore needs a fingerprint or a kind")
        if self.fingerprint is not None and len(self.fingerprint) < 8:
            raise ValueError("a fingerprint in an ignore needs at least 8 characters")
        if not self.reason.strip():
            raise ValueError("an ignore needs a reason")
        return self

    def matches(self, kind: str, subject: str, fingerprint: str) -> bool:
        if self.fingerprint is not None:
            return fingerprint.startswith(self.fingerprint)
        return self.kind == kind and (self.subject is None or self.subject == subject)


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    embedder: str = "use"  # use | tfidf | st:<model> | e5
    cache_dir: str | None = None  # None: the user cache directory
    use_cache: bool = True
    kinds: list[str] = Field(default_factory=lambda: list(KINDS))
    gazetteers: list[str] = Field(default_factory=list)
    thresholds: dict[str, float] = Field(default_factory=dict)  # override a backend's calibration
    ignores: list[Ignore] = Field(default_factory=list)
    max_file_bytes: int = 50_000_000
    skip_bad: bool = False
    event_window_days: int = 3
    # The CI gate's settings (`consistency check`); they do not change the report.
    min_severity: Severity = "low"
    fail_on: list[str] = Field(default_factory=list)  # empty: every kind fails
    fail_on_stale: bool = False
    baseline: str | None = None

    @field_validator("kinds", "fail_on")
    @classmethod
    def _known_kinds(cls, kinds: list[str]) -> list[str]:
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise ValueError(f"unknown kind {unknown[0]!r} (known: {', '.join(KINDS)})")
        return kinds

    def digest(self) -> str:
        """A short digest of the settings that change results (not where the cache lives)."""
        data = self.model_dump(exclude=_NOT_IN_DIGEST)
        text = repr(sorted(data.items()))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


_NOT_IN_DIGEST = {"cache_dir", "use_cache", "min_severity", "fail_on", "fail_on_stale", "baseline"}
_PATH_KEYS = {"cache_dir", "baseline"}


@dataclass
class LoadedSettings:
    """Effective settings and, for each field, where its value came from."""

    settings: Settings
    sources: dict[str, str] = field(default_factory=dict)
    config_path: Path | None = None


def find_config(corpus: str | Path | None = None, cwd: str | Path | None = None) -> Path | None:
    """The configuration file that applies to `corpus`, or None."""
    folders: list[Path] = []
    if corpus is not None:
        corpus = Path(corpus)
        folders.append(corpus if corpus.is_dir() else corpus.parent)
    folders.append(Path(cwd) if cwd is not None else Path("."))  # relative: messages stay short
    for folder in folders:
        candidate = folder / "consistency.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def read_config_file(path: str | Path) -> dict[str, Any]:
    """The settings table of a config file, paths resolved; ConfigError names file and key."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("consistency", {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.consistency] must be a table")
    table = {key.replace("-", "_"): value for key, value in data.items()}
    known = Settings.model_fields
    for key in table:
        if key not in known:
            raise ConfigError(f"{path}: unknown key {key!r} (known: {', '.join(known)})")
    _validate(table, path)
    return _resolve_paths(table, path.parent)


def load_settings(
    corpus: str | Path | None = None,
    *,
    config_file: str | Path | None = None,
    overrides: dict[str, Any] | None = None,
    cwd: str | Path | None = None,
) -> LoadedSettings:
    """Defaults, then the config file, then `overrides` (the command line; None values skipped)."""
    path = Path(config_file) if config_file is not None else find_config(corpus, cwd)
    values: dict[str, Any] = {}
    sources = {name: DEFAULT for name in Settings.model_fields}
    if path is not None:
        for key, value in read_config_file(path).items():
            values[key] = value
            sources[key] = str(path)
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        if key not in Settings.model_fields:
            raise ConfigError(f"{COMMAND_LINE}: unknown setting {key!r}")
        values[key] = value
        sources[key] = COMMAND_LINE
    try:
        settings = Settings(**values)
    except ValidationError as exc:
        raise ConfigError(f"{COMMAND_LINE}: {_describe(exc)}") from None
    return LoadedSettings(settings=settings, sources=sources, config_path=path)


def _validate(table: dict[str, Any], path: Path) -> None:
    try:
        Settings(**table)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {_describe(exc)}") from None


def _describe(exc: ValidationError) -> str:
    """First error as 'key 'a.b': message', the way a user finds it in the file."""
    error = exc.errors()[0]
    key = ".".join(str(part) for part in error["loc"]) or "(top level)"
    if error["type"] == "extra_forbidden":
        return f"unknown key {key!r}"
    message = error["msg"].removeprefix("Value error, ")
    return f"key {key!r}: {message}"


def _resolve_paths(table: dict[str, Any], base: Path) -> dict[str, Any]:
    out = dict(table)
    for key in _PATH_KEYS:
        if isinstance(out.get(key), str):
            out[key] = str(_resolve(base, out[key]))
    if isinstance(out.get("gazetteers"), list):
        out["gazetteers"] = [str(_resolve(base, p)) for p in out["gazetteers"]]
    return out


def _resolve(base: Path, value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else base / p


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject that is not ours to read: only an explicit --config reports it.
        return False
    return isinstance(data.get("tool"), dict) and "consistency" in data["tool"]
