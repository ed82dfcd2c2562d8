"""One actor for one person named in several ways across a corpus.

The gazetteer knows public figures; everybody else is an actor made from the words of the
text, so "Donetsk regional governor Pavlo Kyrylenko", "Kyrylenko" and "كيريلينكو" arrive as
three actors. They are one person when their names end in the same surname: compared by
consonant skeleton across scripts, ignoring titles and role words, never for anonymous
speakers ("a U.S. official") or organisations ("the ministry").

    "Major General Igor Konashenkov", "Konashenkov", "اللواء إيغور كوناشينكوف" -> one actor
    "a separatist official in Donetsk", "Donetsk regional governor ..."      -> two actors
"""

from __future__ import annotations

import re
from collections import defaultdict

from consistency.extract.identity import skeleton
from consistency.extract.lexicon import facet_table
from consistency.models import Actor, Claim
from consistency.text.normalize import normalize


def _stop() -> set[str]:
    words = set()
    for lang in ("en", "ar"):
        words |= {normalize(w).text for w in facet_table(lang).get("speaker_role_words", {}).get("words", [])}
    return words


def surname_key(name: str) -> str | None:
    """The skeleton of a person's last name, or None when the name ends in a role word."""
    words = re.findall(r"[\w'’\-]+", name)
    if len(words) < 1:
        return None
    last = normalize(words[-1]).text.lower()
    if last in _stop() or last.startswith("ال") and len(words) == 1:
        return None
    if re.fullmatch(r"[a-z'’\-]+", last) and not words[-1][:1].isupper():
        return None  # an English name is capitalised
    key = skeleton(words[-1])
    return key if len(key) >= 4 else None


def consolidate(claims: list[Claim], actors: dict[str, Actor]) -> dict[str, Actor]:
    """Merge actors that name one person; rewrites claim.actor_id in place and returns the
    actors by id (merged ones gone, their names kept as aliases)."""
    groups: dict[str, list[str]] = defaultdict(list)
    used = sorted({c.actor_id for c in claims if c.actor_id in actors})
    for actor_id in used:
        actor = actors[actor_id]
        if actor_id.startswith("anon") or actor.group in ("media",):
            continue
        key = surname_key(actor.name)
        if key:
            groups[key].append(actor_id)
    remap: dict[str, str] = {}
    merged = dict(actors)
    for ids in groups.values():
        if len(ids) < 2:
            continue
        # The gazetteer's actor (no "actor:" prefix) or the most-quoted one stands for the rest.
        counts = {i: sum(1 for c in claims if c.actor_id == i) for i in ids}
        keep = min(ids, key=lambda i: (i.startswith("actor:"), -counts[i], i))
        aliases = list(merged[keep].aliases)
        for other in ids:
            if other == keep:
                continue
            remap[other] = keep
            for name in [merged[other].name, *merged[other].aliases]:
                if name not in aliases and name != merged[keep].name:
                    aliases.append(name)
            del merged[other]
        group = merged[keep].group
        if group == "unknown":
            group = next((actors[i].group for i in ids if actors[i].group != "unknown"), group)
        merged[keep] = merged[keep].model_copy(update={"aliases": aliases, "group": group})
    for claim in claims:
        if claim.actor_id in remap:
            claim.actor_id = remap[claim.actor_id]
    return merged
