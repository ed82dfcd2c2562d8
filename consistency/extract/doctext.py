"""One document's text prepared once for every extractor: normalised form, tokens, numbers.

Extractors work on the normalised text (`norm`) and report spans of the original text
(`text`); `to_norm` and `to_orig` convert positions between the two.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property

from consistency.text.normalize import Normalized, normalize

_TOKEN = re.compile(r"\w+(?:[.'’\-]\w+)*\.?|[^\w\s]")


@dataclass
class DocText:
    text: str
    language: str
    _norm: Normalized | None = field(default=None, repr=False)

    @property
    def normalized(self) -> Normalized:
        if self._norm is None:
            self._norm = normalize(self.text)
        return self._norm

    @property
    def norm(self) -> str:
        return self.normalized.text

    def to_orig(self, start: int, end: int) -> tuple[int, int]:
        return self.normalized.span(start, end)

    def to_norm(self, pos: int) -> int:
        """The first normalised position at or after original position `pos`."""
        return bisect_left(self.normalized.index, pos)

    def norm_span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_norm(start), self.to_norm(end)

    @cached_property
    def tokens(self) -> list[tuple[int, int]]:
        """Token spans in the normalised text."""
        return [m.span() for m in _TOKEN.finditer(self.norm)]

    def token_index(self, norm_pos: int) -> int:
        """Index of the first token that ends after `norm_pos`."""
        starts = self._token_ends
        return bisect_left(starts, norm_pos + 1)

    @cached_property
    def _token_ends(self) -> list[int]:
        return [e for _, e in self.tokens]

    @cached_property
    def numbers(self):
        from consistency.text.numbers import find_numbers

        return find_numbers(self.text, self.language)

    def orig(self, start: int, end: int) -> str:
        return self.text[start:end]
