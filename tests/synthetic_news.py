"""A deterministic bilingual news corpus of any size, for engine tests (written for them).

Incidents on days spread over two years, each reported by one to six outlets in English or
Arabic: tolls that agree or conflict, blame and denials, a later toll from the same outlet,
named officials written in both scripts (so one person's actor id depends on which spelling
came first), a few undated reports, and background sentences about earlier incidents.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

TOWNS = [("Mosul", "الموصل"), ("Kirkuk", "كركوك"), ("Basra", "البصرة"), ("Ramadi", "الرمادي"),
         ("Tikrit", "تكريت"), ("Najaf", "النجف"), ("Samarra", "سامراء"), ("Baquba", "بعقوبة")]
WEAPONS = [("a car bomb", "سيارة مفخخة"), ("a drone", "طائرة مسيرة"), ("rocket fire", "قصف صاروخي"),
           ("a roadside bomb", "عبوة ناسفة")]
TARGETS = [("a police checkpoint", "نقطة تفتيش للشرطة"), ("a crowded market", "سوقا شعبية"),
           ("an army convoy", "رتلا للجيش"), ("a bus station", "محطة حافلات")]
OFFICIALS = [("Karim Haddad", "كريم حداد"), ("Salwa Mansour", "سلوى منصور"), ("Adel Rahim", "عادل رحيم"),
             ("Hadi Saleh", "هادي صالح")]
GROUPS = [("the Islamic State group", "تنظيم داعش"), ("a local militia", "فصيل مسلح محلي")]
OUTLETS_EN = ["Reuters", "Associated Press", "Agence France-Presse", "Al Jazeera English"]
OUTLETS_AR = ["شفق نيوز", "السومرية نيوز", "الجزيرة نت", "وكالة الأنباء العراقية"]
START = date(2022, 1, 1)


def _english(rng, town, weapon, target, killed, wounded, official, group, when) -> tuple[str, str]:
    title = f"{killed} killed as {weapon[0]} hits {target[0]} in {town[0]}"
    lines = [
        f"At least {killed} people were killed and {wounded} wounded when {weapon[0]} struck {target[0]} in {town[0]} on {when}, police said.",
        f"Provincial spokesman {official[0]} said the death toll was {killed} and that rescue teams were still at the scene.",
    ]
    if rng.random() < 0.5:
        lines.append(f"A security source told the agency that {killed + rng.randint(2, 9)} people had died, most of them civilians.")
    if rng.random() < 0.5:
        lines.append(f"The interior ministry blamed {group[0]} for the attack, but the group denied any involvement.")
    if rng.random() < 0.3:
        lines.append(f"Last month a similar attack in {rng.choice(TOWNS)[0]} killed {rng.randint(3, 30)} people.")
    return title, " ".join(lines)


def _arabic(rng, town, weapon, target, killed, wounded, official, group) -> tuple[str, str]:
    title = f"مقتل {killed} بهجوم في {town[1]}"
    lines = [
        f"قتل {killed} أشخاص وأصيب {wounded} آخرون جراء {weapon[1]} استهدفت {target[1]} في مدينة {town[1]}.",
        f"وقال المتحدث باسم المحافظة {official[1]} إن حصيلة الضحايا بلغت {killed} قتلى.",
    ]
    if rng.random() < 0.5:
        lines.append(f"وأفاد مصدر أمني بأن عدد القتلى ارتفع إلى {killed + rng.randint(1, 6)}.")
    if rng.random() < 0.5:
        lines.append(f"وحمّلت وزارة الداخلية {group[1]} مسؤولية الهجوم.")
    return title, " ".join(lines)


def records(n_docs: int, seed: int = 3) -> list[dict]:
    """`n_docs` corpus records (ids unique, in no particular order)."""
    rng = random.Random(seed)
    out: list[dict] = []
    k = 0
    while len(out) < n_docs:
        day = START + timedelta(days=rng.randint(0, 730))
        town, weapon, target = rng.choice(TOWNS), rng.choice(WEAPONS), rng.choice(TARGETS)
        official, group = rng.choice(OFFICIALS), rng.choice(GROUPS)
        killed, wounded = rng.randint(2, 40), rng.randint(0, 60)
        for r in range(rng.randint(1, 6)):
            if len(out) >= n_docs:
                break
            later = rng.random() < 0.15
            toll = killed + (rng.randint(1, 5) if later else 0)
            when = day.strftime("%A")
            if rng.random() < 0.5:
                source = rng.choice(OUTLETS_EN)
                title, text = _english(rng, town, weapon, target, toll, wounded, official, group, when)
                language = "en"
            else:
                source = rng.choice(OUTLETS_AR)
                title, text = _arabic(rng, town, weapon, target, toll, wounded, official, group)
                language = "ar"
            record = {"id": f"inc{k:05d}-{r}", "source": source, "language": language, "title": title, "text": text,
                      "date": (day + timedelta(days=1 if later else 0)).isoformat()}
            if rng.random() < 0.01:
                del record["date"]  # undated reports are compared with every document
            out.append(record)
        k += 1
    rng.shuffle(out)
    return out


def write_corpus(folder: Path, n_docs: int, shards: int = 8, seed: int = 3) -> Path:
    """The corpus as `shards` JSONL files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    docs = records(n_docs, seed)
    for s in range(shards):
        lines = [json.dumps(r, ensure_ascii=False) for r in docs[s::shards]]
        (folder / f"part-{s:03d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder
