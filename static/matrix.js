// The membership matrix, enhanced: filter formats by category and countries by
// region and by their status in the site's status formats (the table's
// data-statuses), sort the rows, and highlight the row and
// column under the pointer or focus. Without JavaScript the table reads as it is.
(function () {
  "use strict";
  var table = document.querySelector("table.matrix");
  var controls = document.querySelector("[data-matrix-controls]");
  if (!table || !controls) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var headRows = table.tHead.rows;
  var groupCells = Array.prototype.slice.call(headRows[0].querySelectorAll("th[data-category]"));
  var formatCells = Array.prototype.slice.call(headRows[1].querySelectorAll("th[data-category]"));
  // column i of the formats is cell i+1 of a body or footer row (cell 0 is the country)
  var columnCategory = formatCells.map(function (th) { return th.getAttribute("data-category"); });

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  function select(id, label, options) {
    var wrap = el("label", { "for": id }, label + " ");
    var s = el("select", { id: id });
    options.forEach(function (o) { s.appendChild(el("option", { value: o[0] }, o[1])); });
    wrap.appendChild(s);
    controls.appendChild(wrap);
    return s;
  }

  // categories: one checkbox each
  var fieldset = el("fieldset");
  fieldset.appendChild(el("legend", {}, "Formats"));
  var boxes = groupCells.map(function (th) {
    var id = "matrix-cat-" + th.getAttribute("data-category");
    var label = el("label", { "for": id });
    var box = el("input", { type: "checkbox", id: id, value: th.getAttribute("data-category") });
    box.checked = true;
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + th.textContent));
    fieldset.appendChild(label);
    return box;
  });
  controls.appendChild(fieldset);

  var regions = {};
  rows.forEach(function (r) { var g = r.getAttribute("data-region"); if (g) regions[g] = true; });
  var region = select("matrix-region", "Region", [["", "All regions"]].concat(Object.keys(regions).sort().map(function (g) { return [g, g]; })));
  var statuses = JSON.parse(table.getAttribute("data-statuses") || "[]").map(function (st) {
    return { id: st[0], select: select("matrix-" + st[0], st[1], [["", "Any"], ["member", "Members"], ["none", "Not members"]]) };
  });
  var sort = select("matrix-sort", "Sort by", [["name", "Name"], ["total", "Number of formats"], ["region", "Region"]]);
  var count = el("p", { "class": "matrix-count", role: "status" });
  controls.appendChild(count);
  controls.hidden = false;

  function statusMatches(value, want) {
    return want === "" || (want === "member" ? value === "member" : value !== "member");
  }

  function apply() {
    var shownCats = {};
    boxes.forEach(function (b) { shownCats[b.value] = b.checked; });
    groupCells.forEach(function (th) { th.hidden = !shownCats[th.getAttribute("data-category")]; });
    formatCells.forEach(function (th, i) { th.hidden = !shownCats[columnCategory[i]]; });
    var all = rows.concat(Array.prototype.slice.call(table.tFoot ? table.tFoot.rows : []));
    all.forEach(function (r) {
      for (var i = 0; i < columnCategory.length; i++) {
        var cell = r.cells[i + 1];
        if (cell) cell.hidden = !shownCats[columnCategory[i]];
      }
    });
    var visible = 0;
    rows.forEach(function (r) {
      var ok = (region.value === "" || r.getAttribute("data-region") === region.value) &&
        statuses.every(function (st) { return statusMatches(r.getAttribute("data-" + st.id), st.select.value); });
      r.hidden = !ok;
      if (ok) visible++;
    });
    var cols = columnCategory.filter(function (c) { return shownCats[c]; }).length;
    count.textContent = "Showing " + visible + " of " + rows.length + " countries and " + cols + " of " + columnCategory.length + " formats.";
  }

  function name(r) { return r.cells[0].textContent; }
  function resort() {
    var key = sort.value;
    var sorted = rows.slice().sort(function (a, b) {
      var d = 0;
      if (key === "total") d = Number(b.getAttribute("data-total")) - Number(a.getAttribute("data-total"));
      else if (key === "region") d = (a.getAttribute("data-region") || "~").localeCompare(b.getAttribute("data-region") || "~");
      return d || name(a).localeCompare(name(b));
    });
    sorted.forEach(function (r) { tbody.appendChild(r); });
  }

  // highlight the row and the column of the cell under the pointer or focus
  var lit = [];
  function highlight(cell) {
    lit.forEach(function (c) { c.classList.remove("hl"); });
    lit = [];
    if (!cell || !tbody.contains(cell)) return;
    var row = cell.parentNode;
    var col = cell.cellIndex;
    lit.push(row);
    if (col > 0 && col <= columnCategory.length) {
      lit.push(formatCells[col - 1]);
      rows.forEach(function (r) { if (r.cells[col]) lit.push(r.cells[col]); });
    }
    lit.forEach(function (c) { c.classList.add("hl"); });
  }
  table.addEventListener("mouseover", function (ev) { highlight(ev.target.closest("td, th")); });
  table.addEventListener("focusin", function (ev) { highlight(ev.target.closest("td, th")); });
  table.addEventListener("mouseleave", function () { highlight(null); });

  controls.addEventListener("change", function (ev) {
    if (ev.target === sort) resort();
    apply();
  });
  apply();
})();
