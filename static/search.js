// formatlas search: works offline. The index is a script file loaded with a
// <script> element on first use (fetch and XHR fail under file://).
// Matching is by word: it ignores case and accents, reads British and
// American spellings as one, forgives one typo in a term of four letters or
// more, and needs every term. The box is a WAI-ARIA combobox: focus stays in
// the input while the arrows move the active option of the list.
// The script every page loads also keeps the page's own section in view in
// the phone's header, whose row of sections scrolls sideways.
(function () {
  "use strict";
  var row = document.querySelector("header.site nav > ul");
  var here = row && row.querySelector("[aria-current]");
  if (here && row.scrollWidth > row.clientWidth) {
    row.scrollLeft = here.offsetLeft - row.offsetLeft - (row.clientWidth - here.offsetWidth) / 2;
  }
})();

(function () {
  "use strict";
  var FEW = 12; // results shown before "Show all"
  var box = document.querySelector("[data-search]");
  if (!box) return;
  var root = document.documentElement.getAttribute("data-root") || "";
  var input = box.querySelector("input");
  var list = box.querySelector("[role=listbox]");
  var status = box.querySelector("[role=status]");
  var entries = null;
  var loading = false;
  var found = { terms: [], hits: [] }; // the last search
  var options = []; // the options shown: results, then "Show all"
  var active = -1; // the active one in options
  box.hidden = false;

  // fold lowercases and strips accents: "Rémy" and "REMY" both fold to "remy".
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // foldMap folds s and remembers, for each folded character, where it came
  // from, so a match in folded text can be shown in the original.
  function foldMap(s) {
    if (/^[\x00-\x7f]*$/.test(s)) return { text: s.toLowerCase(), from: null };
    var text = "", from = [];
    for (var i = 0; i < s.length; i++) {
      var f = fold(s.charAt(i));
      for (var j = 0; j < f.length; j++) {
        text += f.charAt(j);
        from.push(i);
      }
    }
    from.push(s.length);
    return { text: text, from: from };
  }

  // spellings turn British forms into American ones; words and terms alike
  // go through them, so either spelling finds both: defence, organise and
  // organisation, analyse, colour and behaviour, centre, programme. The
  // stems are long enough to leave our, four, hour and your, rise, crises
  // and entre alone; ourStays are the stems whose -our is the word's own.
  var ourStays = /^(?:det|cont|dev|vel|param|troubad)$/;
  var spellings = [
    [/^(.*(?:fen|licen|preten))c(e|es|ed|ing|eless)$/, function (m, stem, end) { return stem + "s" + end; }],
    [/^(.{3,})is(e|es|ed|ing|er|ers|ation|ations|able)$/, function (m, stem, end) { return stem + "iz" + end; }],
    [/^(.{3,})ys(e|es|ed|ing|er|ers)$/, function (m, stem, end) { return stem + "yz" + end; }],
    [/^(.{3,})our(s|ed|ing|er|ers|ite|ites|able|ably|ful|less)?$/, function (m, stem, end) {
      return ourStays.test(stem) ? m : stem + "or" + (end || "");
    }],
    [/^(.{3,})tre(s|d)?$/, function (m, stem, end) { return stem + "ter" + (end === "d" ? "ed" : end || ""); }],
    [/^programme(s)?$/, function (m, end) { return "program" + (end || ""); }],
  ];

  function spell(w) {
    for (var i = 0; i < spellings.length; i++) {
      if (spellings[i][0].test(w)) return w.replace(spellings[i][0], spellings[i][1]);
    }
    return w;
  }

  // words are the words of s, each folded (r), then spelled one way (w),
  // with where it starts and ends in s, for marking it.
  function words(s) {
    var m = foldMap(s), out = [], re = /[\p{L}\p{N}]+/gu, x;
    while ((x = re.exec(m.text))) {
      var end = x.index + x[0].length;
      out.push({ r: x[0], w: spell(x[0]), start: m.from ? m.from[x.index] : x.index, end: m.from ? m.from[end] : end });
    }
    return out;
  }

  // distinct keeps the first of the words that have the same key.
  function distinct(ws, key) {
    var seen = {};
    return ws.filter(function (x) {
      var k = key(x);
      return seen[k] ? false : (seen[k] = true);
    });
  }

  function spelled(x) { return x.w; }
  function both(x) { return x.w + " " + x.r; }

  var waiting = [];
  // load loads the index once, then runs every callback asked for meanwhile:
  // a focus starts the load, and the keys typed before it ends still search.
  function load(then) {
    if (entries) { then(); return; }
    waiting.push(then);
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = function () {
      entries = (window.formatlasIndex || []).map(function (e) {
        return { kind: e[0], title: e[1], sub: e[2], url: e[3], text: e[4], body: null };
      });
      waiting.splice(0).forEach(function (f) { f(); });
    };
    document.head.appendChild(script);
  }

  // prepare splits an entry into its fields' words, the first time it is
  // searched.
  function prepare(e) {
    if (e.body) return;
    e.body = words(e.text);
    e.fields = [distinct(words(e.title), both), distinct(words(e.sub), both), distinct(e.body, both)];
  }

  // distance is the Damerau–Levenshtein distance of a and b (its optimal
  // string alignment form): the fewest letters inserted, deleted or replaced,
  // and pairs of neighbours swapped, that turn a into b.
  function distance(a, b) {
    var d = [];
    for (var i = 0; i <= a.length; i++) {
      d.push([i]);
      for (var j = 1; j <= b.length; j++) {
        if (i === 0) { d[0].push(j); continue; }
        var c = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) c = Math.min(c, d[i - 2][j - 2] + 1);
        d[i].push(c);
      }
    }
    return d[a.length][b.length];
  }

  // typo says whether the word x is the term t with one typo; terms under
  // four letters must be exact.
  function typo(t, x) {
    var a = t.w, b = x.w;
    return a.length >= 4 && Math.abs(a.length - b.length) <= 1 && a !== b && distance(a, b) === 1;
  }

  // starts says whether the word x starts with the term t, spelled one way
  // or as typed: "organis", on its way to "organisation", finds it too.
  function starts(t, x) {
    return x.w.indexOf(t.w) === 0 || x.r.indexOf(t.r) === 0;
  }

  // exact is 2 when the term t is one of the words, 1 when a word starts
  // with it, else 0.
  function exact(t, ws) {
    var best = 0;
    for (var i = 0; i < ws.length; i++) {
      if (ws[i].w === t.w) return 2;
      if (starts(t, ws[i])) best = 1;
    }
    return best;
  }

  function near(t, ws) {
    for (var i = 0; i < ws.length; i++) if (typo(t, ws[i])) return true;
    return false;
  }

  // weights of a term's match, by field (title, subtitle, text) and by how
  // it matches: the word, the start of a word, a word one typo away. The
  // title counts more than the subtitle, which counts more than the text.
  var weights = [[80, 60, 30], [40, 30, 15], [10, 6, 2]];
  // named is added when the terms match every word of the title or of the
  // subtitle: the search names the entry, as "Finland" does Finland, "nato"
  // NATO (its abbreviation) and "finnland" Finland still. Short of that, a
  // title counts for the share of its words the terms match, at most
  // covered: of two titles with the term, the shorter is more about it.
  var named = 100, covered = 20;

  // rank scores entry e for the terms, or returns null when a term is
  // missing. A term counts its best exact match, or when it has none, its
  // best typo match; the typos are counted, so that results needing fewer
  // come first.
  function rank(e, terms) {
    prepare(e);
    var score = 0, typos = 0;
    for (var i = 0; i < terms.length; i++) {
      var best = 0, f;
      for (f = 0; f < 3; f++) {
        var g = exact(terms[i], e.fields[f]);
        if (g) best = Math.max(best, weights[f][2 - g]);
      }
      if (!best) {
        for (f = 0; f < 3 && !best; f++) if (near(terms[i], e.fields[f])) best = weights[f][2];
        if (!best) return null;
        typos++;
      }
      score += best;
    }
    var title = share(terms, e.fields[0]);
    score += title === 1 || share(terms, e.fields[1]) === 1 ? named : title * covered;
    return { e: e, score: score, typos: typos };
  }

  // share is the share of the words ws that a term matches: is, starts, or
  // is one typo away from.
  function share(terms, ws) {
    var n = 0;
    ws.forEach(function (w) {
      if (terms.some(function (t) { return starts(t, w) || typo(t, w); })) n++;
    });
    return ws.length ? n / ws.length : 0;
  }

  function within(e) {
    return e.url.indexOf("#") >= 0 ? 1 : 0;
  }

  function search(q) {
    var terms = distinct(words(q), spelled);
    var hits = [];
    if (terms.length) {
      entries.forEach(function (e) {
        var h = rank(e, terms);
        if (h) hits.push(h);
      });
    }
    // fewest typos first, then by score; of equals, a page before an entry
    // within one (a format before its source of the same title)
    hits.sort(function (a, b) {
      return a.typos - b.typos || b.score - a.score || within(a.e) - within(b.e) ||
        (a.e.title < b.e.title ? -1 : a.e.title > b.e.title ? 1 : 0);
    });
    return { terms: terms, hits: hits };
  }

  // around widens [start, end) of text by up to reach characters each way,
  // to whole words.
  function around(text, start, end, reach) {
    var from = Math.max(0, start - reach), to = Math.min(text.length, end + reach);
    if (from > 0 && /\S/.test(text.charAt(from - 1))) {
      var i = text.slice(from, start).search(/\s/);
      from = i < 0 ? start : from + i + 1;
    }
    if (to < text.length && /\S/.test(text.charAt(to))) {
      var j = text.slice(end, to).search(/\s\S*$/);
      to = j < 0 ? end : end + j;
    }
    return { from: from, to: to };
  }

  // firstMatch is the first word of the entry's text that a term matches:
  // exactly (the word or its start), else with a typo, for a term that
  // matches nothing of the entry exactly.
  function firstMatch(e, terms) {
    var i, j;
    for (i = 0; i < terms.length; i++) {
      for (j = 0; j < e.body.length; j++) if (starts(terms[i], e.body[j])) return e.body[j];
    }
    for (i = 0; i < terms.length; i++) {
      if (exact(terms[i], e.fields[0]) || exact(terms[i], e.fields[1])) continue;
      for (j = 0; j < e.body.length; j++) if (typo(terms[i], e.body[j])) return e.body[j];
    }
    return null;
  }

  // snippet appends to el the text around the first word a term matches in
  // the entry's text, that word marked, cut at word boundaries.
  function snippet(el, e, terms) {
    var text = e.text, m = firstMatch(e, terms);
    var start = m ? m.start : 0, end = m ? m.end : 0, cut = around(text, start, end, m ? 60 : 120);
    el.appendChild(document.createTextNode((cut.from > 0 ? "…" : "") + text.slice(cut.from, start)));
    if (m) {
      var mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      el.appendChild(mark);
    }
    el.appendChild(document.createTextNode(text.slice(end, cut.to).replace(/\s+$/, "") + (cut.to < text.length ? "…" : "")));
  }

  // option is the option for the i-th hit: a link the keys and the mouse
  // follow, which focus never reaches (the input keeps it).
  function option(h, i) {
    var a = document.createElement("a");
    a.id = "site-search-" + i;
    a.href = root + h.e.url;
    a.tabIndex = -1;
    a.setAttribute("role", "option");
    a.setAttribute("aria-selected", "false");
    var title = document.createElement("strong");
    title.textContent = h.e.title;
    a.appendChild(title);
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = " " + h.e.kind + (h.e.sub ? " · " + h.e.sub : "");
    a.appendChild(kind);
    var snip = document.createElement("span");
    snip.className = "snippet";
    snippet(snip, h.e, found.terms);
    a.appendChild(snip);
    return a;
  }

  // render lists the first few hits, or all of them, and opens the list
  // when there are any.
  function render(all) {
    var hits = all ? found.hits : found.hits.slice(0, FEW);
    list.textContent = "";
    options = hits.map(function (h, i) { return list.appendChild(option(h, i)); });
    if (hits.length < found.hits.length) {
      var more = document.createElement("div");
      more.id = "site-search-more";
      more.className = "more";
      more.setAttribute("role", "option");
      more.setAttribute("aria-selected", "false");
      more.textContent = "Show all " + found.hits.length + " results";
      options.push(list.appendChild(more));
    }
    open(hits.length > 0);
  }

  function show() {
    var q = input.value.trim();
    found = search(q);
    render(false);
    var n = found.hits.length;
    status.textContent = !q ? "" : n ? n + (n === 1 ? " result" : " results") : "Nothing matches “" + q + "”.";
    status.className = q && !n ? "none" : "vh";
  }

  // open shows or hides the list; either way no option is active.
  function open(on) {
    list.hidden = !on;
    input.setAttribute("aria-expanded", on ? "true" : "false");
    if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
    active = -1;
    input.removeAttribute("aria-activedescendant");
  }

  function close() {
    open(false);
    status.className = "vh";
  }

  function select(i) {
    if (list.hidden || !options.length) return;
    if (active >= 0) options[active].setAttribute("aria-selected", "false");
    active = (i + options.length) % options.length;
    options[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }

  // choose follows a result, or shows them all; from the keys, the first
  // result that was hidden becomes the active one.
  function choose(opt, byKeys) {
    if (!opt.href) {
      render(true);
      if (byKeys) select(FEW);
      return;
    }
    window.location.href = opt.href;
  }

  input.addEventListener("focus", function () { load(function () {}); });
  input.addEventListener("input", function () { load(show); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      var step = ev.key === "ArrowDown" ? 1 : -1;
      load(function () {
        if (list.hidden) show();
        select(active < 0 && step < 0 ? options.length - 1 : active + step);
      });
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      load(function () {
        if (options.length) choose(options[Math.max(active, 0)], true);
      });
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      if (!list.hidden || status.className === "none") {
        close();
      } else if (input.value) { // a second Escape empties the box
        input.value = "";
        load(show);
      }
    }
  });
  // a click on an option keeps the focus in the input
  list.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
  list.addEventListener("click", function (ev) {
    var more = ev.target.closest(".more");
    if (more) choose(more, false);
  });
  box.addEventListener("focusout", function (ev) {
    if (!box.contains(ev.relatedTarget)) close();
  });
})();
