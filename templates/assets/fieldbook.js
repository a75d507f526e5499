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
          var left = x.hasAttribute("data-value") ? x.getAttribute("data-value") : x.textContent.trim();
          var right = y.hasAttribute("data-value") ? y.getAttribute("data-value") : y.textContent.trim();
          // An empty data-value is a figure that is absent: below every figure.
          var number = function (text) { return text === "" ? -Infinity : parseFloat(text) || 0; };
          var order = numeric ? (number(left) === number(right) ? 0 : number(left) < number(right) ? -1 : 1) : left.localeCompare(right);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  // Every table of figures offers its rows as CSV: numbers as numbers (a cell's data-value; empty when absent), the
  // rest as read; text that a spreadsheet would take for a formula is prefixed with an apostrophe.
  var csvLabel = document.querySelector("main[data-csv-label]");
  document.querySelectorAll(".table-scroll > table").forEach(function (table, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "csv-download";
    button.textContent = csvLabel ? csvLabel.getAttribute("data-csv-label") : "CSV";
    button.addEventListener("click", function () {
      var quote = function (text) {
        if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
        return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
      };
      var lines = Array.prototype.map.call(table.rows, function (row) {
        return Array.prototype.map.call(row.cells, function (cell) {
          // A number's cell has its value (empty when absent: an empty field, not the "–" a reader sees).
          return cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : quote(cell.textContent.trim());
        }).join(",");
      });
      var page = location.pathname.replace(/^\/+|\/+$/g, "").replace(/[^\w-]+/g, "-") || "index";
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" }));
      link.download = page + "-" + (table.getAttribute("data-csv") || index + 1) + ".csv";
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
    table.parentNode.parentNode.insertBefore(button, table.parentNode.nextSibling);
  });
  // A report's plain text copies with one click.
  document.querySelectorAll(".copy-report").forEach(function (button) {
    var text = button.parentNode.querySelector("pre");
    button.addEventListener("click", function () {
      if (!navigator.clipboard || !text) return;
      navigator.clipboard.writeText(text.textContent).then(function () { button.textContent = button.getAttribute("data-copied"); });
    });
  });
  // A scorecard switches to another period in place, from the rep's API file (without JavaScript, or if the file
  // cannot be read, its period links lead to the manager's page for that period). Figures are written as the build
  // writes them (FigureFormatter); status and the bullet belong to the period the page was built for, so a switched
  // card shows the figures, target, attainment and changes alone.
  var switcher = document.querySelector(".period-switch[data-api]");
  if (switcher) {
    var word = function (name) { return switcher.getAttribute("data-" + name); };
    var chinese = word("locale") === "zh-CN";
    var fixed = function (value, decimals) {
      var scale = Math.pow(10, decimals), scaled = value * scale;
      var units = Math.round(Math.abs(scaled)), fraction = units % scale, whole = (units - fraction) / scale;
      var text = (scaled < 0 && units !== 0 ? "-" : "") + whole;
      if (fraction === 0) return text;
      var digits = String(fraction);
      digits = "000000".slice(0, decimals - digits.length) + digits;
      return text + "." + digits.replace(/0+$/, "");
    };
    var grouped = function (value, decimals) {
      var text = fixed(Math.abs(value), decimals), parts = text.split(".");
      var fraction = decimals > 0 ? "." + ((parts[1] || "") + "000000").slice(0, decimals) : "";
      return (value < 0 && text !== "0" ? "-" : "") + parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + fraction;
    };
    var compact = function (value) {
      var magnitude = Math.abs(value), sign = value < 0 ? "-" : "";
      var steps = chinese ? [[1e8, "亿"], [1e4, "万"]] : [[1e9, "B"], [1e6, "M"], [1e3, "K"]];
      for (var i = 0; i < steps.length; i++) {
        if (magnitude >= steps[i][0]) return sign + fixed(magnitude / steps[i][0], 1) + steps[i][1];
      }
      return sign + grouped(magnitude, 0);
    };
    var money = function (value, short) {
      var magnitude = Math.abs(value);
      var digits = short ? compact(magnitude) : grouped(magnitude, magnitude < 100 && magnitude !== Math.round(magnitude) ? 2 : 0);
      return (value < 0 ? "-" : "") + word("symbol") + digits;
    };
    var figure = function (value, unit, short) {
      if (value === null || value === undefined) return "–";
      if (unit === "currency") return money(value, short);
      if (unit === "count") return short ? compact(value) : grouped(value, value === Math.round(value) ? 0 : 1);
      if (unit === "percent") return grouped(value * 100, 1) + "%";
      if (unit === "days") return grouped(value, 1) + (chinese ? " 天" : " days");
      return grouped(value, 1);
    };
    var signed = function (value, unit) {
      if (unit === "percent") {
        var points = grouped(Math.abs(value) * 100, 1), direction = points === grouped(0, 1) ? 0 : value < 0 ? -1 : 1;
        if (chinese) return direction === 0 ? "持平" : (direction < 0 ? "下降" : "上升") + points + "个百分点";
        return (direction < 0 ? "-" : direction > 0 ? "+" : "±") + points + " pp";
      }
      return (value < 0 ? "-" : value > 0 ? "+" : "±") + figure(Math.abs(value), unit, unit === "currency" || unit === "count");
    };
    var links = Array.prototype.slice.call(switcher.querySelectorAll("a[data-period]"));
    var nameOf = function (label) {
      var link = links.filter(function (a) { return a.getAttribute("data-period") === label; })[0];
      return link ? link.getAttribute("data-name") : label;
    };
    var cards = Array.prototype.slice.call(document.querySelectorAll(".kpi-card[data-kpi]"));
    var built = cards.map(function (card) { return [card.className, card.innerHTML]; });
    var periodName = document.querySelector(".as-of .period-name");
    var builtName = periodName ? periodName.textContent : "";
    var rep = null;
    var element = function (tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    };
    var show = function (label) {
      var periods = rep.periods, period = periods.filter(function (p) { return p.period === label; })[0];
      if (!period) return false;
      var same = periods.filter(function (p) { return p.kind === period.kind; });
      var previous = same[same.indexOf(period) - 1];
      var yearEarlier = same.filter(function (p) { return p.start === (+period.start.slice(0, 4) - 1) + period.start.slice(4); })[0];
      cards.forEach(function (card, index) {
        if (label === word("current")) { card.className = built[index][0]; card.innerHTML = built[index][1]; return; }
        var kpi = card.getAttribute("data-kpi"), unit = card.getAttribute("data-unit"), spark = card.querySelector(".kpi-spark");
        var heading = card.querySelector("h3"), facts = element("dl", "kpi-facts");
        [["target", period[kpi + "_target"], figure(period[kpi + "_target"], unit, unit === "currency")],
         ["attainment", period[kpi + "_attainment"], figure(period[kpi + "_attainment"], "percent")]].forEach(function (fact) {
          if (fact[1] === null || fact[1] === undefined) return;
          var row = element("div");
          row.appendChild(element("dt", "", word(fact[0])));
          row.appendChild(element("dd", "", fact[2]));
          facts.appendChild(row);
        });
        var parts = [heading, element("p", "kpi-value", figure(period[kpi], unit, unit === "currency")), facts];
        [[period[kpi + "_change"], previous], [period[kpi + "_change_year"], yearEarlier]].forEach(function (change) {
          if (change[0] === null || change[0] === undefined || !change[1]) return;
          var text = signed(change[0], unit) + " " + word("vs") + " " + nameOf(change[1].period);
          parts.push(element("p", "kpi-change", period.partial ? text + word("same-days") : text));
        });
        card.className = "kpi-card status-none";
        card.textContent = "";
        parts.concat(spark ? [spark] : []).forEach(function (part) { card.appendChild(part); });
      });
      if (periodName) periodName.textContent = label === word("current") ? builtName : nameOf(label);
      links.forEach(function (a) {
        if (a.getAttribute("data-period") === label) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
      });
      return true;
    };
    switcher.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-period]");
      if (!link) return;
      event.preventDefault();
      (rep ? Promise.resolve(rep) : fetch(word("api")).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (data) {
        // An encrypted portal's API file: unlock.js (loaded by the private page this one came from) decrypts it.
        if (!data.sealed) return data;
        if (!window.fieldbookUnseal) throw new Error("sealed");
        return window.fieldbookUnseal(data).then(JSON.parse);
      })).then(function (data) {
        rep = data;
        if (!show(link.getAttribute("data-period"))) throw new Error("no such period");
        var details = link.closest("details");
        if (details) details.removeAttribute("open");
      }).catch(function () { window.location.href = link.href; });
    });
  }
})();
