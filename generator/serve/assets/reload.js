(function () {
  "use strict";
  var overlay = null;
  function show(text) {
    if (!document.getElementById("formatlas-overlay-style")) {
      var link = document.createElement("link");
      link.id = "formatlas-overlay-style";
      link.rel = "stylesheet";
      link.href = "/_formatlas/overlay.css";
      document.head.appendChild(link);
    }
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "formatlas-errors";
      overlay.setAttribute("role", "alert");
      overlay.className = "formatlas-errors";
      var title = document.createElement("h2");
      title.textContent = document.documentElement.hasAttribute("data-formatlas-no-build") ?
        "The site does not build yet: there is no good version to show." :
        "The last edit does not build. This is the last good version.";
      overlay.appendChild(title);
      overlay.appendChild(document.createElement("pre"));
      document.body.appendChild(overlay);
    }
    overlay.querySelector("pre").textContent = text;
  }
  var source = new EventSource("/_formatlas/events");
  var broken = false;
  source.addEventListener("problems", function (ev) { broken = true; show(ev.data); });
  source.addEventListener("ok", function () {
    if (overlay) { overlay.remove(); overlay = null; }
  });
  source.addEventListener("reload", function () { window.location.reload(); });
})();
