// The membership matrix, enhanced. The page carries its controls (so that
// they take their place before this runs, and nothing shifts); this makes
// them work: formats by category, countries in one format, by role, by
// region and by their status in the site's status formats; the rows sorted;
// the totals counted over what is shown; the state kept in the URL's
// fragment (#region=…&sort=total), which works from file:// and survives a
// reload; and the row and column under the pointer or focus highlighted.
// Without JavaScript the table reads as it is, and the controls are hidden.
(function () {
  "use strict";
  var table = document.querySelector("table.matrix");
  var form = document.querySelector("[data-matrix-controls]");
  if (!table || !form) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var served = rows.slice(); // the page's own order
  var headRows = table.tHead.rows;
  var groupCells = Array.prototype.slice.call(headRows[0].querySelectorAll("th[data-category]"));
  var formatCells = Array.prototype.slice.call(headRows[1].querySelectorAll("th[data-category]"));
  // column i of the formats is cell i+1 of a body or footer row (cell 0 is the country)
  var columnCategory = formatCells.map(function (th) { return th.getAttribute("data-category"); });
  var columnFormat = formatCells.map(function (th) { return th.getAttribute("data-format"); });
  var memberRoles = (form.getAttribute("data-member-roles") || "").split(" ").filter(Boolean);
  var parts = !form.elements.namedItem("role"); // the overview of a large matrix: each cell a count of formats
  var footRow = table.tFoot ? table.tFoot.rows[0] : null;
  var count = form.querySelector(".matrix-count");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=cat]"));
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  function field(name) { return form.elements.namedItem(name); }
  // Writes that change nothing are skipped: at load, in the default state,
  // the table is left as served, and not laid out a second time.
  function setText(el, text) { text = String(text); if (el.textContent !== text) el.textContent = text; }
  function setHidden(el, hidden) { if (el.hidden !== hidden) el.hidden = hidden; }

  // roles is the list of roles a body cell shows: its class r-<role>, and a
  // second role at once.
  function roles(cell) {
    var out = [];
    var m = /(?:^|\s)r-(\S+)/.exec(cell.className);
    if (m) out.push(m[1]);
    if (cell.getAttribute("data-role2")) out.push(cell.getAttribute("data-role2"));
    return out;
  }
  function counts(cell) { // a cell with a role, or a count in the overview of parts
    return roles(cell).length > 0 || /^\d+$/.test(cell.textContent.trim());
  }
  function isMember(cell) {
    return roles(cell).some(function (r) { return memberRoles.indexOf(r) >= 0; });
  }

  // The state is the controls' values; the fragment holds those that are
  // not the default: hide=<categories>, and name=value for each select.
  function readFragment() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var hide = (params.get("hide") || "").split(",");
    boxes.forEach(function (b) { b.checked = hide.indexOf(b.value) < 0; });
    selects.forEach(function (s) {
      var v = params.get(s.name) || "";
      s.value = Array.prototype.some.call(s.options, function (o) { return o.value === v; }) ? v : "";
    });
  }
  function writeFragment() {
    var params = new URLSearchParams();
    var hide = boxes.filter(function (b) { return !b.checked; }).map(function (b) { return b.value; });
    if (hide.length) params.set("hide", hide.join(","));
    selects.forEach(function (s) { if (s.value) params.set(s.name, s.value); });
    var frag = params.toString();
    if (frag !== location.hash.replace(/^#/, "")) history.replaceState(null, "", frag ? "#" + frag : location.pathname + location.search);
  }

  function apply() {
    var shownCats = {};
    boxes.forEach(function (b) { shownCats[b.value] = b.checked; });
    var format = field("format") ? field("format").value : "";
    var role = field("role") ? field("role").value : "";
    var region = field("region") ? field("region").value : "";
    var statuses = selects.filter(function (s) { return s.hasAttribute("data-status"); });
    var shownCol = columnCategory.map(function (c) { return shownCats[c]; });
    groupCells.forEach(function (th) { setHidden(th, !shownCats[th.getAttribute("data-category")]); });
    formatCells.forEach(function (th, i) { setHidden(th, !shownCol[i]); });
    var formatCol = columnFormat.indexOf(format);
    var visible = 0;
    var totals = columnCategory.map(function () { return 0; });
    rows.forEach(function (r) {
      var ok = (region === "" || r.getAttribute("data-region") === region) &&
        statuses.every(function (s) {
          var v = r.getAttribute("data-" + s.name);
          return s.value === "" || (s.value === "member" ? v === "member" : v !== "member");
        }) &&
        (formatCol < 0 || counts(r.cells[formatCol + 1]));
      var total = 0, hasRole = role === "";
      for (var i = 0; i < columnCategory.length; i++) {
        var cell = r.cells[i + 1];
        setHidden(cell, !shownCol[i]);
        var rs = roles(cell);
        cell.classList.toggle("off", role !== "" && rs.length > 0 && rs.indexOf(role) < 0);
        if (!shownCol[i]) continue;
        if (rs.indexOf(role) >= 0) hasRole = true;
        if (counts(cell)) total += parts ? Number(cell.textContent) : 1;
      }
      ok = ok && hasRole;
      setHidden(r, !ok);
      setText(r.cells[r.cells.length - 1], total);
      r.shownTotal = total;
      if (!ok) return;
      visible++;
      for (var j = 0; j < columnCategory.length; j++) {
        var c = r.cells[j + 1];
        if (parts) totals[j] += Number(c.textContent) || 0;
        else if (isMember(c)) totals[j]++;
      }
    });
    if (footRow) {
      totals.forEach(function (t, i) {
        var c = footRow.cells[i + 1];
        setText(c, t);
        setHidden(c, !shownCol[i]);
      });
    }
    var cols = shownCol.filter(Boolean).length;
    setText(count, "Showing " + (visible === rows.length ? "all " + visible : visible + " of " + rows.length) +
      " countries and " + (cols === columnCategory.length ? "all " + cols : cols + " of " + columnCategory.length) +
      " columns; the totals count what is shown.");
  }

  function name(r) { return r.cells[0].textContent; }
  function resort() {
    var key = field("sort").value;
    var sorted = key === "" ? served : rows.slice().sort(function (a, b) {
      var d = 0;
      if (key === "total") d = b.shownTotal - a.shownTotal;
      else if (key === "region") d = (a.getAttribute("data-region") || "~").localeCompare(b.getAttribute("data-region") || "~");
      return d || name(a).localeCompare(name(b));
    });
    var same = sorted.every(function (r, i) { return tbody.rows[i] === r; });
    if (!same) sorted.forEach(function (r) { tbody.appendChild(r); });
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

  function update() {
    apply();
    resort();
  }
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  form.addEventListener("change", function () {
    update();
    writeFragment();
  });
  window.addEventListener("hashchange", function () {
    readFragment();
    update();
  });
  readFragment();
  update();
})();
