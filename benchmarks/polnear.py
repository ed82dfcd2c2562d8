"""Speaker-attribution precision, recall and F1 on the PolNeAR dev split (English).

    .venv/bin/python benchmarks/polnear.py [--data ../shared/eval/polnear_dev] [--errors N]

Gold: every annotated attribution that has a source span (attributions_flat.jsonl).
Prediction: every attribution from `find_attributions` that names a speaker in its sentence;
its span is `mention_span` (the words that name the speaker in that sentence: "he" for "he
said", as PolNeAR annotates it). Attributions without any speaker ("it was reported") are
not speaker predictions and are left out (their number is printed).
Matching: one to one; a prediction matches a gold attribution when its speaker span overlaps
the gold source span (hence lies in the same sentence); when several could match, the one
whose cue also overlaps the gold cue is taken first.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from consistency.extract.attribution import find_attributions
from consistency.text.segment import sentences

ROOT = Path(__file__).resolve().parents[1]
# verbs of saying: the part of PolNeAR (which also annotates beliefs, plans, polls ...) that
# news claims are made of; recall on it is printed apart
SPEECH = {"said", "says", "say", "saying", "told", "tells", "tell", "added", "adding", "adds", "noted",
          "notes", "claimed", "claims", "denied", "denies", "confirmed", "confirms", "acknowledged",
          "announced", "warned", "warns", "blamed", "accused", "reported", "reports", "stated",
          "explained", "insisted", "argued", "argues", "wrote", "writes", "tweeted", "asked", "replied",
          "responded", "declared", "stressed", "emphasized", "suggested", "alleged", "conceded", "admitted"}
DEFAULT = ROOT.parent / "shared" / "eval" / "polnear_dev"


def _overlap(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _span(parts) -> tuple[int, int] | None:
    offsets = [o for p in parts for o in p["offsets"]]
    if not offsets:
        return None
    return min(o[0] for o in offsets), max(o[1] for o in offsets)


def load_gold(data: Path) -> dict[str, list[dict]]:
    gold: dict[str, list[dict]] = defaultdict(list)
    with open(data / "attributions_flat.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            src = _span(row["source"])
            if src is not None:
                gold[row["article"]].append({"source": src, "cue": _span(row["cue"]), "row": row})
    return gold


def score(data: Path, show_errors: int = 0) -> dict:
    gold = load_gold(data)
    tp = n_pred = n_gold = no_speaker = 0
    misses, false, hits_by_cue = [], [], []
    for path in sorted((data / "text").glob("*.txt")):
        article = path.stem
        text = path.read_text(encoding="utf-8")
        preds = []
        for a in find_attributions(text, sentences(text, "en"), "en"):
            if a.mention_span is None:
                no_speaker += 1
            else:
                preds.append(a)
        golds = gold.get(article, [])
        n_pred += len(preds)
        n_gold += len(golds)
        used: set[int] = set()
        for g in golds:
            cands = [k for k, p in enumerate(preds) if k not in used and _overlap(p.mention_span, g["source"])]
            cands.sort(key=lambda k: not _overlap(preds[k].cue_span, g["cue"]))
            cue = " ".join(p["text"].lower() for p in g["row"]["cue"]).split()
            is_speech = bool(cue) and (cue[-1] in SPEECH or " ".join(cue[-2:]) == "according to")
            hits_by_cue.append((is_speech, bool(cands)))
            if cands:
                used.add(cands[0])
                tp += 1
            else:
                misses.append((article, text, g))
        false += [(article, text, p) for k, p in enumerate(preds) if k not in used]
    speech = [g for g in hits_by_cue if g[0]]
    speech_recall = sum(1 for _, hit in speech if hit) / len(speech) if speech else 0.0
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    if show_errors:
        for article, text, g in misses[:show_errors]:
            s, e = g["source"]
            print("MISS", article, "|", text[max(0, s - 80):e + 60].replace("\n", " "), "| src:", text[s:e])
        for article, text, a in false[:show_errors]:
            s, e = a.mention_span
            print("FP  ", article, "|", text[max(0, s - 80):e + 60].replace("\n", " "), "| spk:", text[s:e])
    return {"precision": p, "recall": r, "f1": f1, "true_positives": tp, "predicted": n_pred,
            "speech_recall": speech_recall, "speech_gold": len(speech),
            "gold": n_gold, "speakerless_predictions": no_speaker}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--errors", type=int, default=0, help="print this many misses and false positives")
    args = ap.parse_args(argv)
    if not (args.data / "attributions_flat.jsonl").is_file():
        print(f"no PolNeAR data at {args.data}", file=sys.stderr)
        return 2
    s = score(args.data, args.errors)
    print(f"PolNeAR dev speaker attribution: precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
          f"F1 {s['f1']:.3f}  (tp {s['true_positives']}, predicted {s['predicted']}, gold {s['gold']}; "
          f"{s['speakerless_predictions']} speaker-less attributions not scored)")
    print(f"  recall on the {s['speech_gold']} gold attributions whose cue is a verb of saying "
          f"(said, told, added, denied, according to ...): {s['speech_recall']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
