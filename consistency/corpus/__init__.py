"""Reading corpus files into documents.

    >>> from consistency.corpus import load_corpus
    >>> corpus = load_corpus("fixtures/demo")          # a folder or one file
    >>> corpus.documents[0].id, corpus.skipped, corpus.root

Modules: `load` (which files, errors, ids across files), `encoding` (bytes to text),
`plaintext` (.txt/.md: seed layout and front matter), `structured` (.jsonl/.json/.csv),
`records` (a record to a Document, ids), `dates` and `language` (field inference).
"""

from consistency.corpus.dates import parse_date
from consistency.corpus.language import detect_language
from consistency.corpus.load import Corpus, load_corpus

__all__ = ["Corpus", "detect_language", "load_corpus", "parse_date"]
