"""A synthetic multi-source corpus at any size, for the scale benchmarks.

    .venv/bin/python benchmarks/generate.py --docs 10000 --seed 7 -o /tmp/corpus-10k

writes `<out>/documents.jsonl` (the project's corpus format; `documents-NNN.jsonl`, ten
thousand documents each, for a larger corpus). Deterministic from the seed:
the same arguments always give byte-identical files.

What it holds, so that extraction, embedding and grouping all do real work:
- many incidents (about one for every five documents), each with its own date, town,
  district, kind of attack, target, accused and accusing actors, and true tolls;
- each incident reported by 1 to 12 outlets, English or Arabic, on its day or the next;
- attributed statements ("X said ...", "قال ... إن"), figures that agree (some in words),
  conflicting figures from other sides, blame and denial, hedged early tolls;
- revisions: an outlet that reports an incident again the next day with a higher toll;
- background sentences recalling an earlier incident ("last month", a date weeks before).

Documents are short (three to five sentences) so that a 100k corpus stays within reach of
the embedding backends on a small machine; the texts are built from templates written for
this generator.
"""

from __future__ import annotations

import argparse
import json
import random
import tomllib
from datetime import date, timedelta
from pathlib import Path

_VOCAB = tomllib.loads((Path(__file__).with_name("synthetic_vocab.toml")).read_text(encoding="utf-8"))
EN, AR = _VOCAB["en"], _VOCAB["ar"]
NUMBER_WORDS_EN = {int(k): v for k, v in _VOCAB["number_words"]["en"].items()}
NUMBER_WORDS_AR = {int(k): v for k, v in _VOCAB["number_words"]["ar"].items()}

START = date(2019, 1, 1)


def _incident(rng: random.Random, k: int, span_days: int) -> dict:
    """Incident number `k`, on a day within `span_days` of the start."""
    town = rng.randrange(len(EN["towns"]))
    accused, accuser = rng.sample(range(len(EN["forces"])), 2)
    killed = rng.choice([0, 1, 2, 2, 3, 4, 5, 6, 7, 9, 12, 15, 21, 30, 48])
    return {
        "n": k,
        "day": START + timedelta(days=rng.randrange(span_days)),
        "town": town,
        "district": rng.randrange(len(EN["districts"])),
        "kind": rng.randrange(len(EN["kinds"])),
        "target": rng.randrange(len(EN["targets"])),
        "accused": accused,
        "accuser": accuser,
        "killed": killed,
        "wounded": killed + rng.randrange(0, 3 * killed + 5),
        "commander": rng.randrange(len(EN["names"])),
        # readers per incident: mostly a few, sometimes a story many outlets carry
        "reports": min(12, 1 + int(rng.expovariate(0.3))),
    }


def _figure(rng: random.Random, value: int, lang: str) -> str:
    words = NUMBER_WORDS_EN if lang == "en" else NUMBER_WORDS_AR
    if value in words and rng.random() < 0.4:
        return words[value]
    return str(value)


def _sentence(rng: random.Random, lang: str, key: str, **slots) -> str:
    table = EN if lang == "en" else AR
    text = rng.choice(table[key]).format(**slots)
    return text[:1].upper() + text[1:]


def _document(rng: random.Random, inc: dict, source: tuple, lang: str, incidents: list[dict],
              revision: bool) -> dict:
    t = EN if lang == "en" else AR
    killed = inc["killed"]
    conflicting = rng.random() < 0.3
    if revision:
        killed += rng.randint(1, 4)
    elif conflicting:
        killed = max(0, killed + rng.choice([-2, -1, 1, 2, 3, 5]))
    slots = {
        "town": t["towns"][inc["town"]],
        "district": t["districts"][inc["district"]],
        "kind": t["kinds"][inc["kind"]],
        "target": t["targets"][inc["target"]],
        "accused": t["forces"][inc["accused"]],
        "accuser": t["forces"][inc["accuser"]],
        "killed": _figure(rng, killed, lang),
        "wounded": _figure(rng, inc["wounded"] + (rng.randint(-2, 4) if conflicting else 0), lang),
        "name": t["names"][inc["commander"]],
        "official": rng.choice(t["officials"]),
        "source": source[1 if lang == "ar" else 0],
    }
    body = [_sentence(rng, lang, "revised" if revision else "lead", **slots)]
    body.append(_sentence(rng, lang, "wounded", **slots))
    if rng.random() < 0.7:
        body.append(_sentence(rng, lang, "blame", **slots))
    if rng.random() < 0.5:
        body.append(_sentence(rng, lang, "denial", **slots))
    if rng.random() < 0.35:  # background: an earlier incident at the same town or nearby
        past = incidents[rng.randrange(len(incidents))]
        when = inc["day"] - timedelta(days=rng.randint(20, 200))
        body.append(_sentence(rng, lang, "background", month=t["months"][when.month - 1], dayn=when.day,
                              past_town=t["towns"][past["town"]], past_kind=t["kinds"][past["kind"]],
                              past_killed=_figure(rng, past["killed"] + 1, lang)))
    title = _sentence(rng, lang, "title", **slots)
    return {"title": title, "text": " ".join(body)}


def generate(n_docs: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    span_days = max(30, n_docs // 20)  # about twenty documents a day, whatever the size
    incidents: list[dict] = []
    records: list[dict] = []
    while len(records) < n_docs:
        inc = _incident(rng, len(incidents), span_days)
        incidents.append(inc)
        outlets = rng.sample(range(len(EN["outlets"])), min(inc["reports"], len(EN["outlets"])))
        for j, o in enumerate(outlets):
            if len(records) >= n_docs:
                break
            source = (EN["outlets"][o], AR["outlets"][o])
            lang = "ar" if rng.random() < 0.45 else "en"
            day = inc["day"] + timedelta(days=1 if rng.random() < 0.25 else 0)
            revision = j == 0 and rng.random() < 0.15 and len(records) + 1 < n_docs
            for rev in ([False, True] if revision else [False]):
                doc = _document(rng, inc, source, lang, incidents, rev)
                when = day + timedelta(days=1 if rev else 0)
                records.append({
                    "id": f"inc{inc['n']:06d}-{o:02d}{'-update' if rev else ''}",
                    "source": source[0],
                    "source_type": "news_agency",
                    "date": when.isoformat(),
                    "language": lang,
                    "title": doc["title"],
                    "text": doc["text"],
                })
    return records[:n_docs]


# documents per file: a large corpus comes as several files, each well under the loader's
# size limit (50 MB by default)
SHARD = 10_000


def write(n_docs: int, seed: int, out: Path) -> list[Path]:
    """`documents.jsonl`, or `documents-000.jsonl`... when over `SHARD` documents."""
    out.mkdir(parents=True, exist_ok=True)
    records = generate(n_docs, seed)
    shards = [records[i : i + SHARD] for i in range(0, len(records), SHARD)]
    paths = []
    for k, shard in enumerate(shards):
        path = out / ("documents.jsonl" if len(shards) == 1 else f"documents-{k:03d}.jsonl")
        with path.open("w", encoding="utf-8") as f:
            for record in shard:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--out", type=Path, required=True)
    args = parser.parse_args()
    for path in write(args.docs, args.seed, args.out):
        print(path)


if __name__ == "__main__":
    main()
