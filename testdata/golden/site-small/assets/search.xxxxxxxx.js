// formatlas search: works offline. The index is a script file loaded with a
// <script> element on first use (fetch and XHR fail under file://). Matching
// ignores case and accents; every term must match; results show where.
(function () {
  "use strict";
  var box = document.querySelector("[data-search]");
  if (!box) return;
  var root = document.documentElement.getAttribute("data-root") || "";
  var input = box.querySelector("input");
  var list = box.querySelector("ul");
  var status = box.querySelector("[role=status]");
  var entries = null;
  var loading = false;
  var active = -1;
  var shown = [];
  box.hidden = false;

  // fold lowercases and strips accents: "Rémy" and "REMY" both fold to "remy".
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // foldMap folds s and remembers, for each folded character, where it came
  // from, so a match in folded text can be shown in the original.
  function foldMap(s) {
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
        return { kind: e[0], title: e[1], sub: e[2], url: e[3], text: e[4], ft: fold(e[1]), fs: fold(e[2]), fx: null };
      });
      waiting.splice(0).forEach(function (f) { f(); });
    };
    document.head.appendChild(script);
  }

  function bodyOf(e) {
    if (!e.fx) e.fx = foldMap(e.text);
    return e.fx;
  }

  // score ranks an entry for the terms, or returns 0 when a term is missing.
  function score(e, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], s = 0;
      if (e.fs === t) s = 100;
      else if (e.ft.indexOf(t) === 0) s = 50;
      else if (e.ft.indexOf(t) >= 0) s = 30;
      else if (e.fs.indexOf(t) >= 0) s = 20;
      else if (bodyOf(e).text.indexOf(t) >= 0) s = 5;
      if (!s) return 0;
      total += s;
    }
    return total;
  }

  function search(q) {
    var terms = fold(q).split(/\s+/).filter(Boolean);
    if (!terms.length) return { terms: terms, hits: [] };
    var hits = [];
    entries.forEach(function (e) {
      var s = score(e, terms);
      if (s) hits.push({ e: e, s: s });
    });
    hits.sort(function (a, b) { return b.s - a.s || (a.e.title < b.e.title ? -1 : a.e.title > b.e.title ? 1 : 0); });
    return { terms: terms, hits: hits.slice(0, 12) };
  }

  // snippet appends to el the text around the first term found in the
  // entry's body, with the match marked.
  function snippet(el, e, terms) {
    var body = bodyOf(e);
    for (var i = 0; i < terms.length; i++) {
      var at = body.text.indexOf(terms[i]);
      if (at < 0) continue;
      var start = body.from[at], end = body.from[at + terms[i].length];
      var from = Math.max(0, start - 60), to = Math.min(e.text.length, end + 60);
      el.appendChild(document.createTextNode((from > 0 ? "…" : "") + e.text.slice(from, start)));
      var mark = document.createElement("mark");
      mark.textContent = e.text.slice(start, end);
      el.appendChild(mark);
      el.appendChild(document.createTextNode(e.text.slice(end, to) + (to < e.text.length ? "…" : "")));
      return;
    }
    el.textContent = e.text.slice(0, 120) + (e.text.length > 120 ? "…" : "");
  }

  function show() {
    var r = search(input.value);
    shown = r.hits;
    active = -1;
    list.textContent = "";
    r.hits.forEach(function (h, i) {
      var li = document.createElement("li");
      li.id = "site-search-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      var a = document.createElement("a");
      a.href = root + h.e.url;
      a.tabIndex = -1;
      var title = document.createElement("strong");
      title.textContent = h.e.title;
      a.appendChild(title);
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = " " + h.e.kind + (h.e.sub ? " · " + h.e.sub : "");
      a.appendChild(kind);
      var snip = document.createElement("span");
      snip.className = "snippet";
      snippet(snip, h.e, r.terms);
      a.appendChild(snip);
      li.appendChild(a);
      list.appendChild(li);
    });
    var open = input.value.trim() !== "";
    list.hidden = !open;
    input.removeAttribute("aria-activedescendant");
    status.textContent = open ? (r.hits.length ? r.hits.length + " results" : "No results") : "";
    if (open && !r.hits.length) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = "Nothing matches “" + input.value.trim() + "”.";
      list.appendChild(none);
    }
  }

  function select(i) {
    var items = list.querySelectorAll("[role=option]");
    if (!items.length) return;
    active = (i + items.length) % items.length;
    for (var j = 0; j < items.length; j++) items[j].setAttribute("aria-selected", j === active ? "true" : "false");
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  function close() {
    list.hidden = true;
  }

  input.addEventListener("focus", function () { load(function () {}); });
  input.addEventListener("input", function () { load(show); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { ev.preventDefault(); if (list.hidden) load(show); select(active + 1); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); select(active - 1); }
    else if (ev.key === "Enter") {
      ev.preventDefault();
      var pick = shown[active >= 0 ? active : 0];
      if (pick) window.location.href = root + pick.e.url;
    } else if (ev.key === "Escape") { close(); }
  });
  document.addEventListener("click", function (ev) {
    if (!box.contains(ev.target)) close();
  });
})();
