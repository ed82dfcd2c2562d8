"""Text stage: matching form, sentences and numbers of Arabic and English text.

Spans are always into the original text; normalisation is for matching only.
"""

from consistency.text.normalize import Normalized, normalize, normalize_term
from consistency.text.numbers import NumberMention, find_numbers
from consistency.text.segment import sentences

__all__ = ["Normalized", "NumberMention", "find_numbers", "normalize", "normalize_term", "sentences"]
