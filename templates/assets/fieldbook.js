// Fieldbook: small progressive enhancements. Every page is complete without this script.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  // On a phone a lesson's table of contents starts folded, so the lesson is on the first screen (open without JS).
  if (window.matchMedia("(max-width: 48rem)").matches) {
    document.querySelectorAll(".toc details[open]").forEach(function (details) { details.removeAttribute("open"); });
  }
  // Stale figures: the pages say "Data as of" a fixed day (builds are deterministic); against the reader's clock,
  // figures older than the portal's staleAfterDays also say how old they are.
  document.querySelectorAll(".as-of[data-as-of]").forEach(function (line) {
    var days = Math.floor((Date.now() - Date.parse(line.getAttribute("data-as-of") + "T00:00:00Z")) / 86400000);
    if (!(days > +line.getAttribute("data-stale-after"))) return;
    var years = Math.floor(days / 365.25);
    var text = years >= 1
      ? line.getAttribute(years === 1 ? "data-stale-year" : "data-stale-years").replace("{n}", years)
      : line.getAttribute("data-stale-days").replace("{n}", days);
    var note = document.createElement("strong");
    note.className = "stale";
    note.textContent = " " + text;
    line.appendChild(note);
  });
  // Sortable tables: select a column heading to sort by it; again to reverse.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = header.textContent;
      header.textContent = "";
      header.appendChild(button);
      header.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.setAttribute("aria-sort", "none"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = header.getAttribute("data-sort") === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column], y = b.cells[column];
          var left = x.getAttribute("data-value") || x.textContent.trim();
          var right = y.getAttribute("data-value") || y.textContent.trim();
          var order = numeric ? (parseFloat(left) || 0) - (parseFloat(right) || 0) : left.localeCompare(right);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
