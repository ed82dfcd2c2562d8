"""Attribution recall against the `attributions` lists of multi-source corpora (gold.json).

    .venv/bin/python benchmarks/gold_attributions.py [CORPUS_DIR ...] [--misses]

Default corpora: ../shared/corpora/* and fixtures/corpora/* that hold documents.jsonl and gold.json.
Matching rule: a gold attribution is found when some attribution predicted in the same
document has a speaker that
  (a) shares a content token with the gold speaker after normalisation (case, Arabic letter
      forms and diacritics folded, articles, "al-" and clitics dropped; filler words such as
      "the", "of", "and", "source" alone do not count), or
      a content token is compared across scripts by its consonant skeleton ("Rasool" = "رسول",
      see consistency.extract.actors.skeleton), or
  (b) resolves to the same actor id (ActorResolver, with the sentence as context), which
      matches across languages ("Popular Mobilization Forces" / "هيئة الحشد الشعبي"), or
  (c) the gold speaker is the publishing outlet itself (same actor id or a shared token with
      the document's `source`) and the document has sentences without any attribution: the
      pipeline gives those sentences to the outlet.
Speaker-less attributions are not counted as speakers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from consistency.extract.actors import ActorResolver, skeleton, tokens
from consistency.extract.attribution import find_attributions
from consistency.text.segment import sentences

ROOT = Path(__file__).resolve().parents[1]
# generic words that alone say nothing about who speaks
_GENERIC = {"al", "of", "and", "in", "at", "for", "to", "source", "sources", "official", "officials",
            "spokesman", "spokesperson", "data", "account", "official", "telegram", "from", "on",
            "مصدر", "مصادر", "مسؤول", "في", "من", "و"}


def _corpora(args: list[str]) -> list[Path]:
    found = ([Path(a) for a in args] if args else
             sorted((ROOT.parent / "shared" / "corpora").glob("*")) + sorted((ROOT / "fixtures" / "corpora").glob("*")))
    return [p for p in found if (p / "documents.jsonl").is_file() and (p / "gold.json").is_file()]


def _content(name: str) -> set[str]:
    toks = {t for t in tokens(name) if t not in _GENERIC and len(t) > 1}
    return toks | {"~" + k for k in map(skeleton, toks) if len(k) > 2}


def score(corpus: Path, show: bool = False) -> tuple[int, int]:
    docs = {}
    with open(corpus / "documents.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs[d["id"]] = d
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8")).get("attributions", [])
    resolver = ActorResolver()
    predicted: dict[str, list[tuple[set[str], str]]] = {}
    for doc_id, d in docs.items():
        lang = d.get("language", "en")
        rows = []
        sents = sentences(d["text"], lang)
        atts = find_attributions(d["text"], sents, lang)
        for a in atts:
            if a.speaker:
                context = a.role or d["text"][a.sentence[0]:a.sentence[1]]
                rows.append((_content(a.speaker), resolver.resolve(a.speaker, lang, context).id))
        covered = {a.sentence for a in atts} | {s for a in atts for s in sents
                                                if a.content[0] < s[1] and s[0] < a.content[1]}
        if d.get("source") and any(s not in covered for s in sents):
            rows.append((_content(d["source"]), resolver.resolve(d["source"], "en").id))
        predicted[doc_id] = rows
    found = 0
    for g in gold:
        want = _content(g["speaker"])
        want_id = resolver.resolve(g["speaker"], "en").id
        ok = any((want & toks) or actor == want_id for toks, actor in predicted.get(g["document"], []))
        found += ok
        if show and not ok:
            print(f"  MISS {g['document']}: {g['speaker']!r}")
    return found, len(gold)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*")
    ap.add_argument("--misses", action="store_true", help="list the gold attributions not found")
    args = ap.parse_args(argv)
    total = hit = 0
    for corpus in _corpora(args.corpora):
        f, n = score(corpus, args.misses)
        hit, total = hit + f, total + n
        print(f"{corpus.name}: attribution recall {f / n if n else 0:.3f} ({f}/{n})")
    if not total:
        print("no corpus with gold attributions found", file=sys.stderr)
        return 2
    print(f"all: attribution recall {hit / total:.3f} ({hit}/{total})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
