"""A progress line on a terminal; nothing at all when stderr is not one (CI, pipes)."""

from __future__ import annotations

import os
import sys


class TerminalProgress:
    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() and not os.environ.get("CI")
        self._last = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        width = 30
        filled = int(width * done / total) if total else width
        line = f"\r{stage:<8} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        if line != self._last:
            self.stream.write(line)
            self.stream.flush()
            self._last = line

    def close(self) -> None:
        if self.enabled and self._last:
            self.stream.write("\r" + " " * len(self._last) + "\r")
            self.stream.flush()
