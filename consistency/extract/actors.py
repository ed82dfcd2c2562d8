"""Canonical actors: one id per body across languages and spellings, and its group.

    >>> r = ActorResolver()
    >>> r.resolve("the Pentagon", "en").id == r.resolve("البنتاغون", "ar").id == "us-department-of-defense"
    True
    >>> r.resolve("مصدر أمني", "ar").name
    'anonymous security source'

Built-in names live in `consistency/data/actors.toml`; a corpus adds its own gazetteer files
in the same format (docs/gazetteer.md), read after the built-in one so it may extend it or
override an entry by id. Decisions:
- a spokesperson resolves to the body they speak for ("Pat Ryder, the Pentagon press
  secretary" → US Department of Defense), since their words are the body's position;
- other known persons are their own actors, with the group of the body they are a member of;
- anonymous speakers get anonymous actors ("anonymous US official"), never merged with a
  named person, but shared across languages ("security source" = "مصدر أمني");
- unknown names get "actor:<slug>" and a group guessed from keywords; ids are ASCII.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

from consistency.errors import InputError
from consistency.models import Actor
from consistency.extract.identity import english_gloss, person_alias
from consistency.text.normalize import normalize_term

_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
_TRANSLIT = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويءة", [
    "a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "a",
    "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y", "", "a"]))


@lru_cache(maxsize=1 << 14)  # speaker names recur through a corpus; a tuple is safe to share
def tokens(name: str) -> tuple[str, ...]:
    """Matching tokens: case and Arabic spelling folded, articles, clitics and dots dropped."""
    text = normalize_term(name).replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s.\-]", " ", text)
    out = []
    for w in re.split(r"[\s\-]+", text):
        w = w.replace(".", "").replace("'", "")
        if not w or w in {"the", "a", "an"}:
            continue
        for p in _PREFIXES:
            if w.startswith(p) and len(w) > len(p) + 1:
                w = w[len(p):]
                break
        out.append(w)
    return tuple(out)


def slug(text: str) -> str:
    """ASCII slug; Arabic letters are transliterated so ids stay ASCII and stable."""
    text = "".join(_TRANSLIT.get(ch, ch) for ch in normalize_term(text))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unnamed"


@lru_cache(maxsize=1 << 14)
def skeleton(token: str) -> str:
    """A spelling-free key of a name token, shared by its Arabic and Latin spellings:
    first letter, then consonants ("Rasool" / "رسول" → "rsl", "Yehia" / "يحيى" → "yh")."""
    t = "".join(_TRANSLIT.get(ch, ch) for ch in normalize_term(token))
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode().lower()
    t = re.sub(r"[^a-z]", "", t)
    if len(t) > 3 and t.endswith("h") and re.search(r"[\u0629\u0647]$", normalize_term(token)):
        t = t[:-1]  # taa marbuta: "قدرة" ~ "Qudra"
    if t.startswith("al") and len(t) > 4 and re.match(r"[\u0627]\u0644", normalize_term(token)):
        t = t[2:]
    for a, b in (("gh", "g"), ("kh", "k"), ("th", "t"), ("dh", "d"), ("ph", "f")):
        t = t.replace(a, b)
    if not t or t in {"al", "el"}:
        return ""
    rest = re.sub(r"[aeiouwy]", "", t[1:])
    rest = re.sub(r"(.)\1+", r"\1", rest.replace("q", "k").replace("c", "k"))
    return t[0].replace("q", "k").replace("c", "k") + rest


def _contains(hay: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return n > 0 and any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def _load(path) -> dict:
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(str(path), f"cannot read gazetteer: {exc}") from exc


# parsed gazetteers and their indexes, by corpus files and their contents (read-only once built)
_BUILT: dict[tuple, dict] = {}
# what each resolver keeps for itself (what it has resolved, and its own indexes)
_PER_RESOLVER = ("_seen", "_skeletons", "_skeleton_order", "_skeleton_index", "_answers", "_places", "_first_tokens")


def _fingerprint(path) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "unreadable"  # _load raises the InputError with the reason


class ActorResolver:
    """Resolves speaker names to `models.Actor`; remembers every actor it returned."""

    def __init__(self, gazetteer_files: list[str] | tuple[str, ...] = ()):
        self.gazetteer_files = list(gazetteer_files)
        self._entries: dict[str, dict] | None = None
        self._seen: dict[str, Actor] = {}
        self._skeletons: dict[tuple[str, ...], str] = {}
        self._skeleton_order: list[tuple[tuple[str, ...], str]] = []  # the keys in the order first seen
        self._skeleton_index: dict[str, list[int]] = {}  # skeleton token -> positions in _skeleton_order
        # resolve's answers that do not depend on earlier calls (`_decide`), by its arguments
        self._answers: dict[tuple, Actor | tuple] = {}
        self._places: list[tuple[str, ...]] | None = None
        self._first_tokens: dict[int, tuple] = {}  # id(phrase list) -> (the list, its index)

    # -- loading
    def _build(self) -> None:
        # keyed by the files' contents, so an edited gazetteer is read again
        key = tuple((str(p), _fingerprint(p)) for p in self.gazetteer_files)
        if key in _BUILT:
            self.__dict__.update(_BUILT[key])
            return
        self._build_fresh()
        _BUILT[key] = {k: v for k, v in self.__dict__.items() if k.startswith("_") and k not in _PER_RESOLVER}

    def _build_fresh(self) -> None:
        builtin = resources.files("consistency.data") / "actors.toml"
        data = tomllib.loads(builtin.read_text(encoding="utf-8"))
        self._entries = {}
        self._exact: dict[tuple, str] = {}
        self._alias: dict[tuple, str] = {}
        for source, part in [("built-in", data)] + [(p, _load(p)) for p in self.gazetteer_files]:
            for k, e in enumerate(part.get("actor", [])):
                if not isinstance(e, dict) or not e.get("id") or not e.get("name"):
                    raise InputError(str(source), f"actor entry {k + 1} needs an id and a name")
                if not re.fullmatch(r"[a-z0-9][a-z0-9\-:]*", e["id"]):
                    raise InputError(str(source), f"actor id {e['id']!r} is not a lowercase ASCII slug")
                self._entries[e["id"]] = e
        for e in self._entries.values():
            for a in [e["name"], *e.get("aliases", [])]:
                self._alias.setdefault(tokens(a), e["id"])
            for a in e.get("exact", []):
                self._exact.setdefault(tokens(a), e["id"])
        for e in self._entries.values():  # validate links once all files are read
            for link in ("member_of", "speaks_for"):
                if e.get(link) and e[link] not in self._entries:
                    raise InputError("gazetteer", f"{e['id']}: {link} {e[link]!r} is not a known actor id")
            if not (e.get("group") or e.get("member_of") or e.get("speaks_for")):
                raise InputError("gazetteer", f"{e['id']}: needs a group (or member_of / speaks_for)")
        self._rules = [(r["group"], [tokens(w) for w in r["words"]]) for r in data["group_rule"]]
        self._state = [tokens(w) for w in data["state_words"]["words"]]
        self._nations = [(n["adjective"], n["group"], [tokens(w) for w in n["words"]]) for n in data["nationality"]]
        self._anon_heads = {h: [tokens(w) for w in ws] for h, ws in data["anonymous"]["heads"].items()}
        self._roles_only = set(data["anonymous"]["indefinite_only"])
        self._sectors = {s: [tokens(w) for w in ws] for s, ws in data["anonymous"]["sectors"].items()}
        roles = data["roles"]
        self._spokes = [tokens(w) for w in roles["spokesperson"]]
        self._member = [tokens(w) for w in roles["member"]]
        self._ignore = {t for w in roles["titles"] + roles["filler"] for t in tokens(w)}
        self._data = data

    def _entry(self, actor_id: str) -> dict:
        return self._entries[actor_id]

    def group_of(self, actor_id: str) -> str:
        e = self._entry(actor_id)
        while not e.get("group"):
            e = self._entry(e.get("speaks_for") or e["member_of"])
        return e["group"]

    # -- matching
    def _find(self, toks: tuple[str, ...]) -> tuple[str, tuple[str, ...]] | None:
        """The longest gazetteer alias inside `toks` (whole-phrase aliases only as the whole);
        a known person wins over the body in the same phrase ("UN chief Antonio Guterres")."""
        if toks in self._exact:
            return self._exact[toks], toks
        best = None
        for n in range(len(toks), 0, -1):
            for i in range(len(toks) - n + 1):
                hit = self._alias.get(toks[i:i + n])
                if hit is None:
                    continue
                e = self._entries[hit]
                if e.get("member_of") or e.get("speaks_for"):
                    return hit, toks[i:i + n]
                best = best or (hit, toks[i:i + n])
        return best

    def _complete(self, toks: tuple[str, ...], places: tuple[tuple[str, ...], ...]) -> tuple[str, tuple[str, ...]] | None:
        """A body named without its country ("وزارة الصحة", "the Health Ministry"), completed by
        a country or place word of the context ("... في غزة", `places`: the one-word names of
        the nationality table found in it, in table order) into a known alias."""
        for n in range(len(toks), 0, -1):
            for i in range(len(toks) - n + 1):
                part = toks[i:i + n]
                for w in places:
                    for variant in (w + part, part + w, part + ("في",) + w, part + ("in",) + w):
                        if variant in self._alias:
                            return self._alias[variant], part
        return None

    def _has(self, toks: tuple[str, ...], phrases: list[tuple[str, ...]]) -> bool:
        """Whether some phrase of `phrases` occurs in `toks` (as `_contains`), found through
        the phrases' first tokens: a phrase list is indexed once, then a look-up costs one
        dict probe per token instead of one slice comparison per phrase and position."""
        index = self._first_tokens.get(id(phrases))
        if index is None or index[0] is not phrases:
            firsts: dict[str, list[tuple[str, ...]]] = {}
            for p in phrases:
                if p:
                    firsts.setdefault(p[0], []).append(p)
            index = self._first_tokens[id(phrases)] = (phrases, firsts)
        firsts = index[1]
        for i, t in enumerate(toks):
            for p in firsts.get(t, ()):
                if toks[i:i + len(p)] == p:
                    return True
        return False

    def _leftover(self, toks: tuple[str, ...], used: tuple[str, ...]) -> list[str]:
        """Tokens that are not the matched alias, a role, a title, a nationality or filler."""
        skip = set(used) | self._ignore
        for group in (self._spokes, self._member, *(w for _, _, w in self._nations),
                      *self._anon_heads.values(), *self._sectors.values()):
            for p in group:
                skip.update(p)
        return [t for t in toks if t not in skip]

    def guess_group(self, toks: tuple[str, ...]) -> str:
        for group, words in self._rules:
            if self._has(toks, words):
                return group
        if self._has(toks, self._state):
            for _, group, words in self._nations:
                if self._has(toks, words):
                    return group
        return "unknown"

    def _anonymous(self, toks: tuple[str, ...], org: str | None) -> Actor:
        head = next((h for h, ws in self._anon_heads.items() if self._has(toks, ws)), "source")
        sector = next((s for s, ws in self._sectors.items() if self._has(toks, ws)), "")
        if org is not None:
            name = f"anonymous {self._entry(org)['name']} {head}"
            group = self.group_of(org)
        else:
            nation = next((adj for adj, _, ws in self._nations if self._has(toks, ws)), "")
            name = " ".join(w for w in ("anonymous", nation, sector, head) if w)
            group = self.guess_group(toks)
        return Actor(id="anon:" + slug(name.removeprefix("anonymous ")), name=name, group=group)

    def is_anonymous(self, toks: tuple[str, ...], name: str) -> bool:
        heads = [h for h, ws in self._anon_heads.items() if self._has(toks, ws)]
        if not heads:
            return False
        if all(h in self._roles_only for h in heads) and not re.match(r"\s*(?:an?|one|two|some|several)\s", name, re.I) \
                and not re.search(r"[\u0600-\u06FF]", name):
            return False  # "the IDF spokesperson" names one identifiable person; "a spokesperson" does not
        found = self._find(toks)
        used = found[1] if found else ()
        left = self._leftover(toks, used)
        # a named person left over ("spokesman Pat Ryder") is not anonymous
        caps = {tokens(w)[0] for w in re.findall(r"\b[A-Z][a-z][\w'-]*", name) if tokens(w)}
        if any(t in caps for t in left):
            return False
        if re.search(r"[\u0600-\u06FF]", name):
            # Arabic: anonymous only when the phrase opens with an indefinite head ("مصدر أمني");
            # "المتحدث باسم الجيش" is a definite, identifiable role
            raw = normalize_term(name).split()[0]
            raw = raw[1:] if raw[0] in "وف" and len(raw) > 3 and not raw.startswith("ال") else raw
            heads = {p[0] for ws in self._anon_heads.values() for p in ws if p}
            return not raw.startswith("ال") and tokens(raw)[:1] != () and tokens(raw)[0] in heads
        return True

    def resolve(self, name: str, language: str, context: str = "", anonymous: bool | None = None) -> Actor:
        """The canonical actor of a speaker phrase. `context`: the appositive role if there is one
        (`Attribution.role`, "the Pentagon press secretary"), else the sentence (it can name the
        country of a body written without one); `anonymous` overrides detection."""
        if not isinstance(name, str) or not name.strip():
            raise InputError("<speaker>", f"cannot resolve an empty speaker name: {name!r}")
        if self._entries is None:
            self._build()
        ctx = tokens(context) if context else ()
        # what a context can change: a short role phrase, or a country or place word (for a
        # body written without its country); the sentence itself is not part of the key
        role_ctx = ctx if len(ctx) <= 12 else ()
        present = set(ctx)
        places = tuple(w for w in self._place_words() if w[0] in present)
        key = (name, anonymous, role_ctx, places)
        answer = self._answers.get(key)
        if answer is None:
            answer = self._answers[key] = self._decide(name, anonymous, role_ctx, places)
        if isinstance(answer, Actor):
            return self._remember(answer, name)
        return self._remember(self._person(name, *answer), name)

    def _place_words(self) -> list[tuple[str, ...]]:
        """The one-word country and place names of the nationality table, in table order."""
        if self._places is None:
            self._places = [w for _, _, words in self._nations for w in words if len(w) == 1]
        return self._places

    def _decide(self, name: str, anonymous: bool | None, role_ctx: tuple[str, ...],
                places: tuple[tuple[str, ...], ...]) -> Actor | tuple:
        """`resolve`'s answer from the gazetteer alone: an actor, or the arguments of `_person`
        (whose id may join a person seen before). The same arguments give the same answer
        whatever was resolved before, so `resolve` keeps it."""
        toks = tokens(name)
        if not toks:
            raise InputError("<speaker>", f"speaker name has no words: {name!r}")
        found = self._find(toks)
        anon = self.is_anonymous(toks, name) if anonymous is None else anonymous
        if anon and anonymous is None and found and not self._entry(found[0]).get("member_of") \
                and self._has(toks, self._anon_heads["spokesperson"]) \
                and not any(self._has(toks, ws) for h, ws in self._anon_heads.items() if h != "spokesperson"):
            anon = False  # "a Pentagon spokesman", "متحدث باسم البنتاغون": on the record for the body
        if anon:
            org = found[0] if found and not self._entry(found[0]).get("member_of") else None
            return self._anonymous(toks, org)
        # a role phrase as context ("the Pentagon press secretary"); a whole sentence is too
        # long to tell whose spokesperson it names
        if found is None and role_ctx and (self._has(role_ctx, self._spokes) or self._has(role_ctx, self._member)):
            hit = self._find(role_ctx)
            if hit is not None:
                body = self._entry(hit[0]).get("speaks_for") or hit[0]
                if self._has(role_ctx, self._spokes) or not self._leftover(toks, hit[1]):
                    return self._actor(body)  # its spokesperson, or its head by title
                return (toks, self.group_of(body))
        if found is not None:
            actor_id, used = found
            e = self._entry(actor_id)
            if e.get("speaks_for"):
                return self._actor(e["speaks_for"])
            if e.get("member_of"):
                return self._actor(actor_id)
            left = self._leftover(toks, used)
            if self._has(toks + role_ctx, self._spokes):
                return self._actor(actor_id)  # the body's spokesperson
            if left and self._has(toks, self._member):
                return (toks, self.group_of(actor_id), left)
            return self._actor(actor_id)
        completed = self._complete(toks, places) if places else None
        if completed is not None:
            body, part = completed
            left = self._leftover(toks, part)
            if left and self._has(toks, self._member) and not self._has(toks, self._spokes):
                return (toks, self.group_of(body), left)
            return self._actor(body)
        return (toks, self.guess_group(toks + role_ctx))

    def _actor(self, actor_id: str) -> Actor:
        e = self._entry(actor_id)
        return Actor(id=actor_id, name=e["name"], group=self.group_of(actor_id))

    def _person(self, name: str, toks, group: str, left: list[str] | None = None) -> Actor:
        core = left if left else [t for t in toks if t not in self._ignore]
        key = tuple(k for k in (skeleton(t) for t in core or toks) if len(k) > 1)
        if len(key) >= 2:
            # the same person written in the other script ("Akram al-Kaabi" / "أكرم الكعبي")
            # only a key sharing a token can match (subsets of non-empty keys share one);
            # candidates are tried in the order their keys were first seen, as a full scan would
            for n in sorted({n for k in set(key) for n in self._skeleton_index.get(k, ())}):
                other, actor_id = self._skeleton_order[n]
                if key == other or (len(key) >= 2 and set(key) <= set(other)) or (len(other) >= 2 and set(other) <= set(key)):
                    if actor_id in self._seen:
                        # same person: the earlier id, but name and group from this phrase, so
                        # what a caller reads does not depend on what was resolved before
                        return Actor(id=actor_id, name=name.strip(), group=group)
        actor = Actor(id="actor:" + slug(" ".join(core or toks)), name=name.strip(), group=group)
        if len(key) >= 2 and key not in self._skeletons:
            self._skeletons[key] = actor.id
            for k in set(key):
                self._skeleton_index.setdefault(k, []).append(len(self._skeleton_order))
            self._skeleton_order.append((key, actor.id))
        return actor

    def _remember(self, actor: Actor, written: str) -> Actor:
        """Record `actor` for `actors()`; return it as resolved from this phrase alone (the
        report's actor list keeps the first name seen and every alias)."""
        known = self._seen.get(actor.id)
        aliases = set(known.aliases) if known else set()
        aliases.add(written.strip())
        if actor.id.startswith("actor:") and actor.id not in (self._entries or {}):
            latin = person_alias(written)  # a person named in Arabic, found by a Latin search
            if latin:
                aliases.add(latin)
        gloss = english_gloss(written)  # a body named in Arabic: "Ukrainian military command"
        if gloss:
            aliases.add(gloss)
        self._seen[actor.id] = Actor(id=actor.id, name=known.name if known else actor.name,
                                     group=known.group if known else actor.group, aliases=sorted(aliases))
        return Actor(id=actor.id, name=actor.name, group=actor.group, aliases=[written.strip()])

    def actors(self) -> list[Actor]:
        """Every actor resolved so far, sorted by id."""
        return [self._seen[k] for k in sorted(self._seen)]
