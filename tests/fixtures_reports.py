"""Builders of realistic `Report` objects for the renderer tests.

The texts are written for these tests (a fictional strike on a fuel depot near Basra), in
Arabic and English news style. Spans are found in the text by the builder, so a fixture
cannot point at the wrong characters.
"""

from __future__ import annotations

from consistency.models import (
    Actor,
    Claim,
    Count,
    CreatedFrom,
    Discrepancy,
    Document,
    Event,
    Facets,
    FacetValue,
    Quote,
    Report,
    Revision,
    Side,
    Skipped,
    Tool,
)


class ReportBuilder:
    """Collects documents, actors and claims; computes every span from a quoted substring."""

    def __init__(self, corpus: str):
        self.corpus = corpus
        self.documents: dict[str, Document] = {}
        self.actors: dict[str, Actor] = {}
        self.claims: dict[str, Claim] = {}
        self.events: list[Event] = []
        self.discrepancies: list[Discrepancy] = []
        self.revisions: list[Revision] = []
        self.skipped: list[Skipped] = []

    def doc(self, id: str, text: str, language: str, **fields) -> str:
        self.documents[id] = Document(id=id, text=text, language=language, **fields)
        return id

    def actor(self, id: str, name: str, group: str, *aliases: str) -> str:
        self.actors[id] = Actor(id=id, name=name, group=group, aliases=list(aliases))
        return id

    def span(self, doc_id: str, fragment: str, within: tuple[int, int] | None = None) -> tuple[int, int]:
        text = self.documents[doc_id].text
        lo, hi = within or (0, len(text))
        start = text.find(fragment, lo, hi)
        if start < 0:
            raise ValueError(f"{fragment!r} is not in document {doc_id}")
        return (start, start + len(fragment))

    def claim(self, id, doc_id, sentence, *, actor=None, speaker=None, via=None, cue=None,
              event="e1", counts=(), hedged=False, **facets) -> str:
        """`counts`: (subject, low, high, qualifier, as_written); `facets`: kind -> [(value, as_written)]."""
        span = self.span(doc_id, sentence)
        facet_obj = Facets(
            counts=[
                Count(subject=s, low=lo, high=hi, qualifier=q, text=t, span=self.span(doc_id, t, span))
                for s, lo, hi, q, t in counts
            ],
            **{
                kind: [FacetValue(value=v, text=t, span=self.span(doc_id, t, span)) for v, t in values]
                for kind, values in facets.items()
            },
        )
        self.claims[id] = Claim(
            id=id, document_id=doc_id, actor_id=actor, speaker=speaker,
            speaker_span=self.span(doc_id, speaker, span) if speaker and speaker in sentence else None,
            via=via, cue=cue, text=sentence, span=span, hedged=hedged, event_id=event, facets=facet_obj,
        )
        return id

    def event(self, id: str, label: str, date: str | None = None, related: tuple[str, ...] = ()) -> None:
        claim_ids = sorted(c.id for c in self.claims.values() if c.event_id == id)
        docs = sorted({self.claims[c].document_id for c in claim_ids})
        self.events.append(Event(id=id, label=label, date=date, claim_ids=claim_ids,
                                 document_ids=docs, related_event_ids=list(related)))

    def side(self, value: str, *claim_ids: str, low=None, high=None) -> Side:
        claims = [self.claims[c] for c in claim_ids]
        return Side(
            value=value, low=low, high=high, claim_ids=list(claim_ids),
            document_ids=sorted({c.document_id for c in claims}),
            actor_ids=sorted({c.actor_id for c in claims if c.actor_id}),
            quotes=[Quote(claim_id=c.id, document_id=c.document_id, span=c.span, text=c.text) for c in claims],
        )

    def discrepancy(self, id, kind, subject, severity, summary, *sides, event="e1") -> None:
        self.discrepancies.append(Discrepancy(
            id=id, kind=kind, subject=subject, severity=severity, event_id=event,
            summary=summary, sides=list(sides), fingerprint=f"fp-{id}",
        ))

    def revision(self, subject: str, values: list[str], *claim_ids: str, actor=None, event="e1") -> None:
        docs = [self.claims[c].document_id for c in claim_ids]
        self.revisions.append(Revision(claim_ids=list(claim_ids), subject=subject, values=values,
                                       document_ids=docs, actor_id=actor, event_id=event))

    def build(self) -> Report:
        return Report(
            tool=Tool(version="0.1.0"),
            created_from=CreatedFrom(corpus=self.corpus, config_digest="sha256:fixture"),
            documents=list(self.documents.values()), actors=list(self.actors.values()),
            claims=list(self.claims.values()), events=self.events,
            discrepancies=self.discrepancies, revisions=self.revisions, skipped=self.skipped,
        )


NW_DAY1 = (
    "BASRA, March 12 (Northern Wire) - At least four people were killed and nine wounded on "
    "Wednesday when a drone struck a fuel depot north of Basra, police sources told Northern Wire.\n"
    "A spokesman for the provincial health directorate said six bodies had been brought to the "
    "city's main hospital.\n"
    "The Interior Ministry said in a statement that an unidentified aircraft carried out the "
    "attack and that an investigation had been opened."
)
NW_DAY2 = (
    "BASRA, March 13 (Northern Wire) - The death toll from Wednesday's drone strike on a fuel "
    "depot north of Basra rose to seven, police sources told Northern Wire on Thursday.\n"
    "Relatives gathered outside the hospital morgue as the last victims were identified."
)
RAFIDAIN = (
    "قال مصدر أمني لقناة الرافدين إن طائرة مسيّرة مجهولة استهدفت مستودعًا للوقود شمالي البصرة "
    "ظهر الأربعاء، ما أسفر عن مقتل ثلاثة أشخاص وإصابة سبعة آخرين.\n"
    "وأضاف المصدر أن المستودع تابع لشركة نفط أهلية ولا يُستخدم لأغراض عسكرية."
)
FAJR = (
    "أعلنت كتائب الفجر في بيان على تلغرام أن القوات الأمريكية نفذت الضربة على مستودع البصرة، "
    "مؤكدة سقوط خمسة من عناصرها.\n"
    "ونفت الكتائب أن يكون المستودع يضم أسلحة، وحمّلت الحكومة الأمريكية مسؤولية التصعيد."
)
DOD = (
    "A U.S. defense official, speaking on condition of anonymity, said American forces conducted "
    "a precision strike in self-defense against a weapons storage site used by Kataib al-Fajr "
    "near Basra.\n"
    "The official said the group had fired more than 10 rockets at a base in western Iraq on "
    "March 2, and that there were no indications of civilian casualties."
)


def depot_report() -> Report:
    """Five sources, two languages, six discrepancies, one revision, an open-ended range."""
    b = ReportBuilder("fixtures/basra-depot-2025-03-12")
    b.doc("nw-2025-03-12", NW_DAY1, "en", source="Northern Wire", source_type="news_agency",
          date="2025-03-12", title="Drone strike on fuel depot near Basra kills at least four",
          url="https://example.org/northern-wire/basra-depot", path="documents.jsonl", line=1)
    b.doc("nw-2025-03-13", NW_DAY2, "en", source="Northern Wire", source_type="news_agency",
          date="2025-03-13", title="Basra depot strike toll rises to seven", path="documents.jsonl", line=2)
    b.doc("rafidain-2025-03-12", RAFIDAIN, "ar", source="قناة الرافدين", source_type="broadcaster",
          date="2025-03-12", title="مسيّرة مجهولة تستهدف مستودع وقود في البصرة", path="documents.jsonl", line=3)
    b.doc("fajr-2025-03-12", FAJR, "ar", source="كتائب الفجر", source_type="armed_group",
          date="2025-03-12", title="بيان كتائب الفجر", path="documents.jsonl", line=4)
    b.doc("dod-2025-03-12", DOD, "en", source="U.S. Department of Defense", source_type="government",
          date="2025-03-12", title="Official: strike on weapons site in self-defense", path="documents.jsonl", line=5)

    b.actor("police-sources", "Iraqi police sources", "police/security source")
    b.actor("security-source", "Iraqi security source", "police/security source", "مصدر أمني")
    b.actor("basra-health", "Basra health directorate", "medical")
    b.actor("interior-ministry", "Iraqi Interior Ministry", "Iraqi government", "وزارة الداخلية")
    b.actor("us-official", "U.S. defense official", "US government", "مسؤول أمريكي")
    b.actor("kataib-al-fajr", "Kataib al-Fajr", "armed group", "كتائب الفجر")

    s1 = "At least four people were killed and nine wounded on Wednesday when a drone struck a fuel depot north of Basra, police sources told Northern Wire."
    b.claim("c01", "nw-2025-03-12", s1, actor="police-sources", speaker="police sources",
            via="Northern Wire", cue="told",
            counts=[("killed", 4, None, "at_least", "At least four"), ("injured", 9, 9, "exact", "nine")])
    b.claim("c02", "nw-2025-03-12", "A spokesman for the provincial health directorate said six bodies had been brought to the city's main hospital.",
            actor="basra-health", speaker="A spokesman for the provincial health directorate",
            via="Northern Wire", cue="said", counts=[("killed", 6, 6, "exact", "six")])
    b.claim("c03", "nw-2025-03-12", "The Interior Ministry said in a statement that an unidentified aircraft carried out the attack and that an investigation had been opened.",
            actor="interior-ministry", speaker="The Interior Ministry", via="Northern Wire", cue="said",
            perpetrator=[("unknown", "an unidentified aircraft")])
    b.claim("c04", "nw-2025-03-13", "The death toll from Wednesday's drone strike on a fuel depot north of Basra rose to seven, police sources told Northern Wire on Thursday.",
            actor="police-sources", speaker="police sources", via="Northern Wire", cue="told",
            counts=[("killed", 7, 7, "exact", "seven")])
    r1 = "قال مصدر أمني لقناة الرافدين إن طائرة مسيّرة مجهولة استهدفت مستودعًا للوقود شمالي البصرة ظهر الأربعاء، ما أسفر عن مقتل ثلاثة أشخاص وإصابة سبعة آخرين."
    b.claim("c05", "rafidain-2025-03-12", r1, actor="security-source", speaker="مصدر أمني",
            via="قناة الرافدين", cue="قال",
            counts=[("killed", 3, 3, "exact", "ثلاثة"), ("injured", 7, 7, "exact", "سبعة")],
            perpetrator=[("unknown", "طائرة مسيّرة مجهولة")], target=[("fuel depot", "مستودعًا للوقود")])
    b.claim("c06", "rafidain-2025-03-12", "وأضاف المصدر أن المستودع تابع لشركة نفط أهلية ولا يُستخدم لأغراض عسكرية.",
            actor="security-source", speaker="المصدر", via="قناة الرافدين", cue="أضاف",
            target=[("private oil company depot", "شركة نفط أهلية")])
    b.claim("c07", "fajr-2025-03-12", "أعلنت كتائب الفجر في بيان على تلغرام أن القوات الأمريكية نفذت الضربة على مستودع البصرة، مؤكدة سقوط خمسة من عناصرها.",
            actor="kataib-al-fajr", speaker="كتائب الفجر", via="Telegram", cue="أعلنت",
            counts=[("killed", 5, 5, "exact", "خمسة")], perpetrator=[("US forces", "القوات الأمريكية")])
    b.claim("c08", "fajr-2025-03-12", "ونفت الكتائب أن يكون المستودع يضم أسلحة، وحمّلت الحكومة الأمريكية مسؤولية التصعيد.",
            actor="kataib-al-fajr", speaker="الكتائب", via="Telegram", cue="نفت",
            denial=[("weapons stored", "يضم أسلحة")], justification=[("escalation", "التصعيد")])
    b.claim("c09", "dod-2025-03-12", "A U.S. defense official, speaking on condition of anonymity, said American forces conducted a precision strike in self-defense against a weapons storage site used by Kataib al-Fajr near Basra.",
            actor="us-official", speaker="A U.S. defense official", cue="said",
            perpetrator=[("US forces", "American forces")], justification=[("self-defense", "self-defense")],
            target=[("weapons storage site", "a weapons storage site")])
    b.claim("c10", "dod-2025-03-12", "The official said the group had fired more than 10 rockets at a base in western Iraq on March 2",
            actor="us-official", speaker="The official", cue="said", event="e2",
            counts=[("rockets", 10, None, "more_than", "more than 10")])
    b.event("e1", "Drone strike on a fuel depot north of Basra", "2025-03-12", related=("e2",))
    b.event("e2", "Rocket attack on a base in western Iraq", "2025-03-02", related=("e1",))

    b.discrepancy("d-killed", "casualty_count", "killed", "high",
                  "The death tolls do not overlap: 3 according to a security source, at least 4 according to police, 6 according to the health directorate.",
                  b.side("3", "c05", low=3, high=3), b.side("at least 4", "c01", low=4, high=None),
                  b.side("6", "c02", low=6, high=6))
    b.discrepancy("d-injured", "casualty_count", "injured", "medium",
                  "Police give nine wounded, the security source seven.",
                  b.side("9", "c01", low=9, high=9), b.side("7", "c05", low=7, high=7))
    b.discrepancy("d-perpetrator", "perpetrator", "strike", "high",
                  "An unknown aircraft according to Iraqi officials against US forces according to a US official and Kataib al-Fajr.",
                  b.side("unknown aircraft", "c03", "c05"), b.side("US forces", "c07", "c09"))
    b.discrepancy("d-target", "target", "strike", "medium",
                  "A private company's fuel depot according to the security source, a weapons storage site according to the US official.",
                  b.side("private oil company depot", "c06"), b.side("weapons storage site", "c09"))
    b.discrepancy("d-justification", "justification", "strike", "low",
                  "Self-defense according to the US official, an escalation according to Kataib al-Fajr.",
                  b.side("self-defense", "c09"), b.side("escalation", "c08"))
    b.discrepancy("d-denial", "denial", "weapons", "medium",
                  "Kataib al-Fajr denies that weapons were stored at the site the US official calls a weapons storage site.",
                  b.side("no weapons stored", "c08"), b.side("weapons storage site", "c09"))
    b.revision("killed", ["at least 4", "7"], "c01", "c04", actor="police-sources")
    b.skipped.append(Skipped(path="notes/draft.docx", reason="unsupported file type .docx"))
    return b.build()


def empty_report() -> Report:
    """One document, no finding: the viewer must say so rather than show empty sections."""
    b = ReportBuilder("fixtures/quiet")
    b.doc("only", "Officials said the border crossing reopened on Monday.", "en", source="Gulf Desk")
    return b.build()


# Markup and script payloads a hostile corpus could carry in any text field.
XSS_SCRIPT = "<script>window.__pwned = 1; alert(1)</script>"
XSS_IMG = '<img src=x onerror="window.__pwned = 2; alert(2)">'
XSS_BREAKOUT = "</script><script>window.__pwned = 3; alert(3)</script><!--"
XSS_SVG = "<svg onload=alert(4)><a href=javascript:alert(5)>x</a></svg>"
XSS_TEMPLATE = "{{SCRIPT}}{{DATA}}{{CSP}}"
XSS_URL = "javascript:alert(6)"
PAYLOADS = (XSS_SCRIPT, XSS_IMG, XSS_BREAKOUT, XSS_SVG, XSS_TEMPLATE)


def hostile_report() -> Report:
    """Every text field carries markup; the viewer must show it as text and run none of it."""
    b = ReportBuilder("hostile " + XSS_BREAKOUT)
    t1 = (f"🔥 Officials said {XSS_SCRIPT} at least 3 people died.\u2028"
          f"Witnesses said {XSS_IMG} 5 people were killed.")
    t2 = f"قال مصدر {XSS_BREAKOUT} إن سبعة أشخاص قتلوا. {XSS_SVG}"
    b.doc("h1", t1, "en", source=XSS_IMG, title=XSS_SCRIPT, url=XSS_URL, source_type=XSS_SVG)
    b.doc("h2", t2, "ar", source=XSS_BREAKOUT, title=XSS_TEMPLATE, url="https://example.org/a?b=<i>")
    b.actor("x1", XSS_SCRIPT, XSS_IMG, XSS_BREAKOUT)
    b.actor("x2", XSS_SVG, XSS_TEMPLATE)
    b.claim("h1c1", "h1", f"Officials said {XSS_SCRIPT} at least 3 people died.", actor="x1",
            speaker=XSS_SCRIPT, via=XSS_IMG, cue=XSS_SVG, counts=[("killed", 3, None, "at_least", "at least 3")])
    b.claim("h1c2", "h1", f"Witnesses said {XSS_IMG} 5 people were killed.", actor="x1",
            speaker="Witnesses", via=XSS_URL, counts=[("killed", 5, 5, "exact", "5")])
    b.claim("h2c1", "h2", f"قال مصدر {XSS_BREAKOUT} إن سبعة أشخاص قتلوا.", actor="x2", speaker=XSS_BREAKOUT,
            via=XSS_TEMPLATE, counts=[("killed", 7, 7, "exact", "سبعة")])
    b.event("e1", XSS_SVG, "2024-01-01")
    b.discrepancy("hx1", "casualty_count", "killed", "high", f"{XSS_SCRIPT} {XSS_BREAKOUT}",
                  b.side(XSS_IMG, "h1c1", low=3, high=None), b.side(XSS_BREAKOUT, "h2c1", low=7, high=7))
    b.discrepancy("hx2", XSS_IMG, XSS_SCRIPT, "low", XSS_TEMPLATE,
                  b.side(XSS_SVG, "h1c2"), b.side(XSS_URL, "h2c1"))
    b.revision("killed", [XSS_SCRIPT, XSS_IMG], "h1c1", "h1c2", actor="x1")
    b.skipped.append(Skipped(path=XSS_IMG, reason=XSS_BREAKOUT))
    return b.build()
