// The consistency report viewer. Builds the page from the JSON in #report-data.
// Every piece of report text goes through textContent / createTextNode: report text is data
// from outside (news texts, source names) and must never become markup or script.
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var RTL = { ar: 1, fa: 1, ur: 1, he: 1, ps: 1, ckb: 1, yi: 1 };
  var KIND_LABELS = {
    casualty_count: "casualty count", count: "count", perpetrator: "perpetrator",
    responsibility: "responsibility", justification: "justification", target: "target",
    identity: "identity", denial: "denial", location: "location"
  };

  var payload = JSON.parse(document.getElementById("report-data").textContent);
  var report = payload.report;
  var view = payload.view;
  var docs = {};
  report.documents.forEach(function (d) { docs[d.id] = d; });

  // ---- small DOM helpers -------------------------------------------------------------
  function el(tag, attrs) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    appendAll(node, Array.prototype.slice.call(arguments, 2));
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    appendAll(node, Array.prototype.slice.call(arguments, 2));
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "text") node.textContent = String(v);
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    });
  }

  function appendAll(node, children) {
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      if (Array.isArray(c)) appendAll(node, c);
      else node.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
    });
  }

  function dirOf(lang) {
    return lang && RTL[String(lang).split("-")[0].toLowerCase()] ? "rtl" : "auto";
  }

  // A text element in the language of its document: Arabic reads right to left.
  function txt(tag, text, lang, cls) {
    return el(tag, { "class": cls, lang: lang || null, dir: dirOf(lang), text: text == null ? "" : text });
  }

  function kindLabel(kind) {
    if (KIND_LABELS[kind]) return KIND_LABELS[kind];
    return /^[a-z]+(_[a-z]+)*$/.test(kind) ? kind.replace(/_/g, " ") : String(kind);
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  // Only web links become links; anything else (javascript:, data:, file:) stays text.
  function safeHref(url) {
    if (typeof url !== "string") return null;
    try {
      var u = new URL(url.trim());
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  // Spans count Unicode code points (Python); JS strings count UTF-16 units.
  function unitOffsets(text) {
    var offsets = [0], pos = 0;
    for (var ch of text) { pos += ch.length; offsets.push(pos); }
    return offsets;
  }

  // `text` as nodes, with the code-point ranges in `marks` wrapped in <mark>.
  function marked(text, marks, cls) {
    var off = unitOffsets(text), last = off.length - 1, at = 0, nodes = [];
    (marks || []).slice().sort(function (a, b) { return a[0] - b[0]; }).forEach(function (m) {
      var a = off[Math.max(Math.min(m[0], last), 0)], b = off[Math.max(Math.min(m[1], last), 0)];
      if (a < at || b <= a) return;  // overlapping or empty: the earlier mark already shows it
      nodes.push(text.slice(at, a), el("mark", { "class": cls || null, text: text.slice(a, b) }));
      at = b;
    });
    nodes.push(text.slice(at));
    return nodes;
  }

  // Matching form for search: case, Arabic diacritics, tatweel, letter variants, digits.
  function fold(s) {
    return String(s).toLowerCase()
      .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
      .replace(/\u0649/g, "\u064A").replace(/\u0629/g, "\u0647")
      .replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x660); })
      .replace(/[\u06F0-\u06F9]/g, function (d) { return String(d.charCodeAt(0) - 0x6F0); });
  }

  // ---- the source document dialog ---------------------------------------------------
  var dialog = document.getElementById("doc-dialog");
  var opener = null;

  // Show a document with `marks` (code-point spans) highlighted, inside an optional `context` span.
  function openDocument(docId, marks, trigger, context) {
    var doc = docs[docId];
    var title = document.getElementById("doc-title");
    var meta = document.getElementById("doc-meta");
    var body = document.getElementById("doc-text");
    opener = trigger || document.activeElement;
    var mark = null;
    meta.textContent = "";
    body.textContent = "";
    if (!doc) {
      title.textContent = "Document not in this report: " + docId;
    } else {
      title.textContent = doc.title || doc.id;
      title.setAttribute("dir", dirOf(doc.language));
      title.setAttribute("lang", doc.language);
      var parts = [txt("span", doc.source || doc.id, doc.language, "source")];
      [doc.date, doc.language, doc.source_type, doc.path ? doc.path + (doc.line ? ":" + doc.line : "") : null]
        .forEach(function (p) { if (p) parts.push(" · ", el("span", { text: p })); });
      if (doc.url) {
        var href = safeHref(doc.url);
        parts.push(" · ", href
          ? el("a", { href: href, rel: "noopener noreferrer", target: "_blank", text: doc.url })
          : el("span", { "class": "inert-url", title: "not a web link", text: doc.url }));
      }
      appendAll(meta, parts);
      body.setAttribute("lang", doc.language);
      body.setAttribute("dir", dirOf(doc.language));
      var text = doc.text;
      if (context && context.length === 2) {
        // the sentence around the quote, shaded; the quoted words marked inside it
        var off = unitOffsets(text), last = off.length - 1;
        var c0 = Math.max(Math.min(context[0], last), 0), c1 = Math.max(Math.min(context[1], last), c0);
        var inner = (marks || []).map(function (m) { return [m[0] - c0, m[1] - c0]; });
        appendAll(body, [text.slice(0, off[c0]),
          el("span", { "class": "context" }, marked(text.slice(off[c0], off[c1]), inner)), text.slice(off[c1])]);
      } else {
        appendAll(body, marked(text, marks));
      }
      mark = body.querySelector("mark");
    }
    if (!dialog.open) dialog.showModal();
    body.scrollTop = 0;
    if (mark) mark.scrollIntoView({ block: "center" });
    document.getElementById("doc-close").focus();
  }

  document.getElementById("doc-close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
  dialog.addEventListener("close", function () {
    // "close" comes a task after the dialog shut: focus goes back to what opened it only if
    // the reader has not moved it meanwhile (a key such as "/" right after Escape).
    var here = document.activeElement;
    var moved = here && here !== document.body && !dialog.contains(here);
    if (!moved && opener && opener.focus) opener.focus();
    opener = null;
  });

  // ---- overview ----------------------------------------------------------------------
  function tile(label, value, sub) {
    return el("div", { "class": "tile" }, el("span", { "class": "tile-value", text: value }),
      el("span", { "class": "tile-label", text: label }), sub ? el("span", { "class": "tile-sub", text: sub }) : null);
  }

  function chips(pairs, filter, labelOf) {
    return el("ul", { "class": "chips" }, pairs.map(function (p) {
      return el("li", null, el("button", {
        type: "button", "class": "chip " + filter + "-" + p[0], "data-value": p[0],
        "aria-label": "Show only " + labelOf(p[0]) + " (" + p[1] + ")",
        onclick: function () { setFilter(filter, p[0]); }
      }, el("span", { text: labelOf(p[0]) }), el("span", { "class": "chip-n", text: p[1] })));
    }));
  }

  function eventsTable(events, caption) {
    if (!events.length) return null;
    return el("table", { "class": "events" },
      el("caption", { text: caption }),
      el("thead", null, el("tr", null, ["Event", "Date", "Claims", "Documents", "Discrepancies", "Related events"]
        .map(function (h) { return el("th", { scope: "col", text: h }); }))),
      el("tbody", null, events.map(function (e) {
        return el("tr", null, el("th", { scope: "row", dir: "auto", title: e.label, text: clip(e.label, 120) }),
          el("td", { "class": "date", text: e.date || "—" }), el("td", { "class": "num", text: e.claims }),
          el("td", { "class": "num", text: e.documents }), el("td", { "class": "num", text: e.discrepancies }),
          el("td", null, e.related.length ? limited("ul", { "class": "related" }, e.related, 2, function (r) {
            return el("li", { dir: "auto", title: r, text: clip(r, 70) });
          }, "related event") : "—"));
      })));
  }

  function renderOverview() {
    var o = view.overview;
    document.getElementById("corpus-name").textContent = report.created_from.corpus;
    document.getElementById("provenance").textContent =
      report.tool.name + " " + report.tool.version + " · schema " + report.schema_version;
    var langs = o.languages.map(function (p) { return p[0] + " " + p[1]; }).join(" · ");
    var body = document.getElementById("overview-body");
    appendAll(body, [
      el("div", { "class": "tiles" },
        tile("documents", o.documents, langs),
        tile("sources", o.sources.length),
        tile("events", o.events.length),
        tile("claims", o.claims),
        tile("discrepancies", view.cards.length),
        tile("revisions", o.revisions)),
      view.cards.length ? el("div", { "class": "tally" },
        el("h3", { text: "By kind" }), chips(o.kinds, "kind", kindLabel),
        el("h3", { text: "By severity" }), chips(o.severities, "severity", String)) :
        el("p", { "class": "empty", text: "No discrepancy found: the sources agree on everything compared." }),
      o.events.length ? eventsTable(o.events.filter(function (e) { return e.discrepancies; }), "Events with discrepancies") : null,
      o.events.some(function (e) { return !e.discrepancies; }) ? el("details", { "class": "other-events" },
        el("summary", { text: plural(o.events.filter(function (e) { return !e.discrepancies; }).length,
          "other event", "other events") + " (no discrepancy)" }),
        eventsTable(o.events.filter(function (e) { return !e.discrepancies; }), "Other events")) : null,
      report.skipped.length ? el("details", { "class": "skipped" },
        el("summary", { text: plural(report.skipped.length, "file skipped", "files skipped") }),
        el("ul", null, report.skipped.map(function (s) {
          return el("li", null, el("code", { dir: "auto", text: s.path }), " — ", el("span", { dir: "auto", text: s.reason }));
        }))) : null
    ]);
  }

  // ---- discrepancy cards -------------------------------------------------------------
  var cards = [];
  var chartOf = {};  // event id + subject -> index of its chart, for the link on count cards
  view.charts.forEach(function (c, i) { chartOf[c.event_id + "\u0000" + c.subject] = i; });

  // The first `n` items, then a button that shows the rest (long lists stay readable).
  function limited(tag, attrs, items, n, render, noun) {
    var list = el(tag, attrs, items.map(function (item, i) {
      var node = render(item, i);
      if (i >= n) node.hidden = true;
      return node;
    }));
    if (items.length <= n) return list;
    var rest = items.length - n;
    var button = el("button", { type: "button", "class": "more", "aria-expanded": "false",
      text: "Show " + plural(rest, "more " + noun, "more " + noun + "s"),
      onclick: function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        Array.prototype.slice.call(list.children, n).forEach(function (c) { c.hidden = !open; });
        button.setAttribute("aria-expanded", String(open));
        button.textContent = open ? "Show fewer" : "Show " + plural(rest, "more " + noun, "more " + noun + "s");
      } });
    return el("div", { "class": "limited" }, list, button);
  }

  function excerptText(x) {
    return el("span", { "class": "quote-text" }, x.clipped[0] ? "… " : "", marked(x.text, x.highlights, "quoted"), x.clipped[1] ? " …" : "");
  }

  function excerptItem(x) {
    var label = "Open " + (x.source || x.document_id) + (x.date ? ", " + x.date : "") + " at this passage";
    return el("li", { "class": "quote-item" },
      el("button", { type: "button", "class": "quote", lang: x.language || null, dir: dirOf(x.language),
        "data-document": x.document_id, "data-claim": x.claim_id, "aria-label": label,
        onclick: function (e) { openDocument(x.document_id, x.marks, e.currentTarget, x.context); } },
        excerptText(x)),
      el("span", { "class": "quote-src" }, txt("span", x.source || x.document_id, x.language), x.date ? " · " + x.date : ""));
  }

  function inline(label, values) {
    return el("p", { "class": label }, label + " ", values.slice(0, 4).map(function (v, j) {
      return [j ? ", " : "", el("span", { dir: "auto", text: v })];
    }), values.length > 4 ? " and " + (values.length - 4) + " more" : "");
  }

  function renderSide(side, i) {
    var lang = side.excerpts[0] ? side.excerpts[0].language : null;
    var written = side.written.slice(0, 4);
    // A click anywhere on a side reads its first passage (the passages are the keyboard's way in).
    var onSide = function (e) {
      if (e.target.closest("button, a")) return;
      var first = e.currentTarget.querySelector("button.quote");
      if (first) first.click();
    };
    return el("section", { "class": "side" + (side.open ? " open-ended" : ""), "aria-label": "Side " + (i + 1) + ": " + side.value, onclick: onSide },
      el("div", { "class": "value", dir: "auto", text: side.value }),
      written.length || side.parsed !== null ? el("p", { "class": "numbers" },
        written.length ? ["as written ", written.map(function (w, j) {
          return [j ? ", " : "", "“", txt("span", w, lang, "written"), "”"];
        }), side.written.length > 4 ? " …" : ""] : null,
        side.parsed !== null ? [written.length ? " · " : "", "parsed ", el("span", { "class": "parsed", text: side.parsed })] : null) : null,
      side.actors.length ? limited("ul", { "class": "actors", "aria-label": "Who says it" }, side.actors, 3, function (a) {
        return el("li", null, el("span", { "class": "actor", dir: "auto", text: a.name }),
          a.group ? el("span", { "class": "group", dir: "auto", text: a.group }) : null);
      }, "actor") : null,
      side.speakers.length ? inline("speaker", side.speakers) : null,
      side.vias.length ? inline("via", side.vias) : null,
      side.excerpts.length ? limited("ul", { "class": "quotes" }, side.excerpts, 3, excerptItem, "passage") :
        el("ul", { "class": "quotes" }, side.documents.map(function (d) {
          return el("li", null, el("button", { type: "button", "class": "quote", "data-document": d.id,
            onclick: function (e) { openDocument(d.id, null, e.currentTarget); } }, txt("span", d.source, d.language)));
        })));
  }

  function renderCards() {
    var box = document.getElementById("cards");
    view.cards.forEach(function (c) {
      var node = el("article", {
        "class": "card severity-" + c.severity, id: "card-" + c.id, "aria-labelledby": "card-h-" + c.id,
        "data-id": c.id, "data-kind": c.kind, "data-event": c.event_id, "data-severity": c.severity,
        "data-subject": c.subject, "data-groups": c.groups.join("|"), "data-sources": c.sources.join("|"),
        "data-languages": c.languages.join("|")
      },
        el("header", { "class": "card-head" },
          el("span", { "class": "badge kind kind-" + c.kind, text: kindLabel(c.kind) }),
          el("span", { "class": "badge severity severity-" + c.severity, text: c.severity }),
          el("h3", { id: "card-h-" + c.id, dir: "auto", text: c.subject }),
          el("span", { "class": "event", dir: "auto", text: c.event_label })),
        el("p", { "class": "summary", dir: "auto", text: c.summary },
          chartOf[c.event_id + "\u0000" + c.subject] !== undefined ? [" ", el("a", { "class": "to-chart",
            href: "#chart-" + chartOf[c.event_id + "\u0000" + c.subject], text: "Every source's figure" })] : null),
        el("div", { "class": "sides" }, c.sides.map(renderSide)),
        el("p", { "class": "card-id muted", text: c.id }));
      var words = [c.kind, kindLabel(c.kind), c.subject, c.summary, c.event_label, c.severity].concat(c.sources, c.groups);
      c.sides.forEach(function (s) {
        words.push(s.value, s.parsed || "");
        words = words.concat(s.written, s.speakers, s.vias,
          s.actors.map(function (a) { return a.name; }), s.excerpts.map(function (x) { return x.text; }));
      });
      cards.push({ data: c, node: node, index: cards.length, haystack: fold(words.join("\n")) });
      box.appendChild(node);
    });
  }

  // ---- filters -----------------------------------------------------------------------
  var FILTERS = {
    kind: function (c, v) { return c.kind === v; },
    severity: function (c, v) { return c.severity === v; },
    event: function (c, v) { return c.event_id === v; },
    group: function (c, v) { return c.groups.indexOf(v) >= 0; },
    source: function (c, v) { return c.sources.indexOf(v) >= 0; },
    language: function (c, v) { return c.languages.indexOf(v) >= 0; }
  };

  function options(select, allLabel, pairs) {
    appendAll(select, [el("option", { value: "", text: allLabel })].concat(pairs.map(function (p) {
      return el("option", { value: p[0], text: p[1] });
    })));
  }

  function distinct(key) {
    var seen = {};
    view.cards.forEach(function (c) { [].concat(c[key]).forEach(function (v) { seen[v] = 1; }); });
    return Object.keys(seen).sort();
  }

  function initFilters() {
    var byId = function (id) { return document.getElementById(id); };
    options(byId("f-kind"), "All kinds", view.overview.kinds.map(function (p) { return [p[0], kindLabel(p[0]) + " (" + p[1] + ")"]; }));
    options(byId("f-severity"), "All severities", view.overview.severities.map(function (p) { return [p[0], p[0] + " (" + p[1] + ")"]; }));
    var events = {};
    view.cards.forEach(function (c) { events[c.event_id] = c.event_label; });
    options(byId("f-event"), "All events", Object.keys(events).sort().map(function (k) { return [k, events[k]]; }));
    options(byId("f-group"), "All actor groups", distinct("groups").map(function (v) { return [v, v]; }));
    options(byId("f-source"), "All sources", distinct("sources").map(function (v) { return [v, v]; }));
    options(byId("f-language"), "All languages", distinct("languages").map(function (v) { return [v, v]; }));
    Array.prototype.forEach.call(document.querySelectorAll("select[data-filter]"), function (s) {
      s.addEventListener("change", applyFilters);
    });
    byId("f-q").addEventListener("input", applyFilters);
    byId("f-order").addEventListener("change", orderCards);
    orderCards();
    byId("f-reset").addEventListener("click", function () {
      Array.prototype.forEach.call(document.querySelectorAll("select[data-filter]"), function (s) { s.value = ""; });
      byId("f-q").value = "";
      applyFilters();
    });
    applyFilters();
  }

  var SEVERITY_RANK = { high: 0, medium: 1, low: 2 };

  // Re-append the cards in the chosen order; ties keep the report's order.
  function orderCards() {
    var mode = document.getElementById("f-order").value;
    var kindRank = {};
    view.overview.kinds.forEach(function (p, i) { kindRank[p[0]] = i; });
    var key = {
      severity: function (c) { return [SEVERITY_RANK[c.data.severity], c.index]; },
      kind: function (c) { return [kindRank[c.data.kind], SEVERITY_RANK[c.data.severity], c.index]; },
      report: function (c) { return [c.index]; }
    }[mode] || function (c) { return [c.index]; };
    var box = document.getElementById("cards");
    cards.slice().sort(function (a, b) {
      var ka = key(a), kb = key(b);
      for (var i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
      return 0;
    }).forEach(function (c) { box.appendChild(c.node); });
  }

  function setFilter(name, value) {
    var select = document.querySelector('select[data-filter="' + name + '"]');
    select.value = value;
    applyFilters();
    document.getElementById("discrepancies").focus();
  }

  function applyFilters() {
    var active = [];
    Array.prototype.forEach.call(document.querySelectorAll("select[data-filter]"), function (s) {
      if (s.value) active.push([FILTERS[s.getAttribute("data-filter")], s.value]);
    });
    var terms = fold(document.getElementById("f-q").value).split(/\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (c) {
      var ok = active.every(function (f) { return f[0](c.data, f[1]); }) &&
        terms.every(function (t) { return c.haystack.indexOf(t) >= 0; });
      c.node.hidden = !ok;
      if (ok) shown += 1;
    });
    document.getElementById("shown-count").textContent = "Showing " + shown + " of " + plural(cards.length, "discrepancy", "discrepancies");
    document.getElementById("no-match").hidden = shown > 0 || cards.length === 0;
  }

  // ---- charts of counted figures -----------------------------------------------------
  function niceStep(max) {
    var raw = Math.max(max / 5, 1), mag = Math.pow(10, Math.floor(Math.log10(raw)));  // counts: whole ticks
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) if (raw <= steps[i] * mag) return steps[i] * mag;
    return 10 * mag;
  }

  function clip(s, n) { s = String(s); return s.length > n ? s.slice(0, n - 1) + "…" : s; }

  function renderChart(chart, index) {
    var W = 900, LABEL = 300, X0 = 312, X1 = 690, ROW = 30, TOP = 30;
    var max = 1;
    chart.rows.forEach(function (r) { max = Math.max(max, r.high === null ? r.low * 1.25 : r.high, r.low); });
    var step = niceStep(max), top = Math.ceil(max * 1.1 / step) * step;
    var x = function (v) { return X0 + (X1 - X0) * Math.min(v, top) / top; };
    var H = TOP + ROW * chart.rows.length + 8;
    var arrowId = "arrow-" + index;
    var titleId = "chart-h-" + index;
    var box = svg("svg", { viewBox: "0 0 " + W + " " + H, width: W, height: H, role: "group",
      "aria-labelledby": titleId, "class": "chart" },
      svg("defs", null, svg("marker", { id: arrowId, viewBox: "0 0 10 10", refX: 9, refY: 5,
        markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, svg("path", { d: "M0,0 L10,5 L0,10 z", "class": "arrow-head" }))));
    for (var t = 0; t <= top + 1e-9; t += step) {
      appendAll(box, [svg("line", { x1: x(t), x2: x(t), y1: TOP - 8, y2: H - 6, "class": "grid" }),
        svg("text", { x: x(t), y: TOP - 14, "text-anchor": "middle", "class": "tick", text: +t.toFixed(2) })]);
    }
    chart.rows.forEach(function (r, i) {
      var y = TOP + ROW * i + ROW / 2;
      var who = r.source + (r.actor && r.actor !== r.source ? " — " + r.actor : "");
      var desc = who + (r.via ? " (via " + r.via + ")" : "") + ": " + r.text + " → " + r.parsed;
      var g = svg("g", { "class": "row q-" + r.qualifier + (r.high === null ? " open" : ""), tabindex: 0, role: "button",
        "aria-label": desc + ". Open the sentence.", "data-document": r.document_id,
        onclick: function () { openDocument(r.document_id, [r.span], g, r.context); },
        onkeydown: function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); openDocument(r.document_id, [r.span], g, r.context); } } },
        svg("title", { text: desc }),
        svg("rect", { x: 0, y: y - ROW / 2, width: W, height: ROW, "class": "row-bg" }),
        svg("text", { x: LABEL, y: y + 4, "text-anchor": "end", "class": "label", text: clip(who, 44) }));
      if (r.high === null) {
        appendAll(g, [svg("circle", { cx: x(r.low), cy: y, r: 5, "class": "mark" }),
          svg("line", { x1: x(r.low), x2: X1 + 6, y1: y, y2: y, "class": "range", "marker-end": "url(#" + arrowId + ")" })]);
      } else if (r.high > r.low) {
        appendAll(g, [svg("line", { x1: x(r.low), x2: x(r.high), y1: y, y2: y, "class": "range" }),
          svg("circle", { cx: x(r.low), cy: y, r: 4, "class": "mark" }), svg("circle", { cx: x(r.high), cy: y, r: 4, "class": "mark" })]);
      } else {
        appendAll(g, svg("circle", { cx: x(r.low), cy: y, r: 6, "class": r.qualifier === "exact" ? "mark" : "mark hollow" }));
      }
      appendAll(g, svg("text", { x: X1 + 22, y: y + 4, "class": "figure" },
        svg("tspan", { "class": "parsed", text: r.parsed + "  " }), svg("tspan", { "class": "written", text: "«" + clip(r.text, 26) + "»" })));
      box.appendChild(g);
    });
    return el("figure", { "class": "chart-box", id: "chart-" + index, tabindex: "-1" },
      el("figcaption", { id: titleId },
        el("strong", { dir: "auto", text: chart.subject }), " — ", el("span", { dir: "auto", text: chart.event_label }),
        chart.cumulative ? el("span", { "class": "muted", text: " (" + plural(chart.cumulative, "cumulative total", "cumulative totals") + " not drawn)" }) : null),
      el("div", { "class": "chart-scroll" }, box));
  }

  function renderCharts() {
    var body = document.getElementById("charts-body");
    if (!view.charts.length) { body.appendChild(el("p", { "class": "empty", text: "No counted figure in this report." })); return; }
    view.charts.forEach(function (c, i) { body.appendChild(renderChart(c, i)); });
  }

  // ---- revisions timeline ------------------------------------------------------------
  function renderRevisions() {
    var body = document.getElementById("revisions-body");
    if (!view.timelines.length) { body.appendChild(el("p", { "class": "empty", text: "No source revised its own figures." })); return; }
    view.timelines.forEach(function (t) {
      body.appendChild(el("section", { "class": "timeline-source" },
        el("h3", { dir: "auto", text: t.source }),
        t.revisions.map(function (r) {
          return el("div", { "class": "revision" },
            el("p", { "class": "revision-head" }, el("strong", { dir: "auto", text: r.subject }), " — ",
              el("span", { dir: "auto", text: r.event_label }), r.actor ? [" · ", el("span", { dir: "auto", text: r.actor.name })] : null),
            el("ol", { "class": "timeline" }, r.steps.map(function (s, i) {
              var doc = docs[s.document_id] || {};
              return el("li", { "class": "step" },
                el("span", { "class": "step-date", text: s.date || "undated" }),
                el("span", { "class": "step-value", dir: "auto", text: s.value }),
                s.excerpt ? el("button", { type: "button", "class": "quote", lang: doc.language || null, dir: dirOf(doc.language),
                  "aria-label": "Open update " + (i + 1) + ": " + s.value,
                  onclick: function (e) { openDocument(s.document_id, s.excerpt.marks, e.currentTarget, s.excerpt.context); } },
                  excerptText(s.excerpt)) :
                s.document_id ? el("button", { type: "button", "class": "quote", lang: doc.language || null, dir: dirOf(doc.language),
                  onclick: function (e) { openDocument(s.document_id, null, e.currentTarget); } },
                  el("span", { "class": "quote-text", text: s.title || s.document_id })) : null);
            })));
        })));
    });
  }

  // ---- actor x kind matrix -----------------------------------------------------------
  var MATRIX_ROWS = 15;  // actors with the most discrepancies first; the rest on demand

  function renderMatrix() {
    var m = view.matrix, body = document.getElementById("matrix-body");
    if (!m.rows.length) { body.appendChild(el("p", { "class": "empty", text: "No actor takes a side in a discrepancy." })); return; }
    var max = Math.max.apply(null, m.rows.map(function (r) { return Math.max.apply(null, r.cells); }));
    body.appendChild(el("div", { "class": "table-scroll" }, el("table", { "class": "matrix" },
      el("caption", { text: "Number of discrepancies in which each actor takes a side, by kind" }),
      el("thead", null, el("tr", null, el("th", { scope: "col", text: "Actor" }), el("th", { scope: "col", text: "Group" }),
        m.kinds.map(function (k) { return el("th", { scope: "col", text: kindLabel(k) }); }), el("th", { scope: "col", text: "Total" }))),
      el("tbody", null, m.rows.map(function (r, ri) {
        return el("tr", { hidden: ri >= MATRIX_ROWS ? "" : null }, el("th", { scope: "row", dir: "auto", text: r.name }), el("td", { dir: "auto", "class": "group-cell", text: r.group }),
          r.cells.map(function (n, i) {
            var level = n ? Math.min(4, Math.ceil(4 * n / max)) : 0;
            return el("td", { "class": "num heat-" + level }, n ? el("button", { type: "button", "class": "cell",
              "aria-label": r.name + ": " + plural(n, kindLabel(m.kinds[i]) + " discrepancy", kindLabel(m.kinds[i]) + " discrepancies") + ". Show them.",
              onclick: function () { document.getElementById("f-q").value = r.name; setFilter("kind", m.kinds[i]); }, text: n }) : "");
          }), el("td", { "class": "num total", text: r.total }));
      })))));
    if (m.rows.length > MATRIX_ROWS) {
      var button = el("button", { type: "button", "class": "more", "aria-expanded": "false",
        text: "Show all " + m.rows.length + " actors", onclick: function () {
          var open = button.getAttribute("aria-expanded") !== "true";
          Array.prototype.slice.call(body.querySelectorAll("tbody tr"), MATRIX_ROWS).forEach(function (tr) { tr.hidden = !open; });
          button.setAttribute("aria-expanded", String(open));
          button.textContent = open ? "Show the first " + MATRIX_ROWS + " actors" : "Show all " + m.rows.length + " actors";
        } });
      body.appendChild(button);
    }
  }

  // ---- documents ---------------------------------------------------------------------
  function renderDocuments() {
    var body = document.getElementById("documents-body");
    body.appendChild(el("ul", { "class": "doc-list" }, report.documents.map(function (d) {
      return el("li", null, el("button", { type: "button", "class": "doc-open", lang: d.language, dir: dirOf(d.language),
        "data-document": d.id, onclick: function (e) { openDocument(d.id, null, e.currentTarget); } },
        el("span", { "class": "doc-title", text: d.title || d.id })),
        el("span", { "class": "doc-meta muted" }, txt("span", d.source || "unknown source", d.language),
          " · " + [d.date || "undated", d.language].join(" · ")));
    })));
  }

  // "/" jumps to the search box, as on many reading sites; typing in a field is left alone.
  document.addEventListener("keydown", function (e) {
    var t = e.target, tag = t && t.tagName;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || dialog.open) return;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || (t && t.isContentEditable)) return;
    e.preventDefault();
    document.getElementById("f-q").focus();
  });

  renderOverview();
  renderCards();
  initFilters();
  renderCharts();
  renderRevisions();
  renderMatrix();
  renderDocuments();
  document.documentElement.setAttribute("data-ready", "true");
})();
