"""Settings of a run. Layered: defaults < consistency.toml / [tool.consistency] < command line."""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, ConfigDict, Field

from consistency.models import KINDS


class Ignore(BaseModel):
    """A reviewed finding to leave out, with the reason it was accepted."""

    model_config = ConfigDict(extra="forbid")
    fingerprint: str | None = None
    kind: str | None = None
    subject: str | None = None
    reason: str


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

    def digest(self) -> str:
        """A short digest of the settings that change results (not where the cache lives)."""
        data = self.model_dump(exclude={"cache_dir", "use_cache"})
        text = repr(sorted(data.items()))
        return hashlib.sha256(text.encode()).hexdigest()[:16]
