// Fieldbook search: instant results from the index the build wrote to /search/, loaded piece by piece.
// No dependencies. Terms are split exactly as Sources/FieldbookCore/Search/SearchTokenizer.swift splits them.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.src.replace(/assets\/search\.js(\?.*)?$/, "");
  var searchBase = base + "search/";
  var shards = {}, chunks = {}, meta = {}, waiting = {};

  function load(name, registry, key) {
    if (registry[key] !== undefined) return Promise.resolve(registry[key]);
    if (waiting[name]) return waiting[name];
    waiting[name] = new Promise(function (resolve) {
      var tag = document.createElement("script");
      tag.src = searchBase + name;
      tag.onload = function () { resolve(registry[key] || (registry[key] = {})); };
      tag.onerror = function () { registry[key] = {}; resolve(registry[key]); };  // no shard: no term starts so
      document.head.appendChild(tag);
    });
    return waiting[name];
  }

  window.fieldbookSearch = {
    add: function (key, terms) { shards[key] = terms; },
    docs: function (index, docs) { chunks[index] = docs; },
    manifest: function (info) { meta.index = info; },
    // Results for a query: a promise of [{url, title, kind, summary}], best first.
    query: function (text) { return search(text); }
  };

  function normalize(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").normalize("NFC").toLowerCase();
  }
  function isCJK(cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
      (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
  }
  var wordChar = /[\p{Alphabetic}\p{N}]/u;

  // Query terms: words (matched by prefix from three letters), and for CJK runs their bigrams (a lone character
  // stands for itself), so every term must occur for a document to match.
  function queryTerms(text) {
    var terms = [], word = "", run = [];
    function flushWord() { if (Array.from(word).length >= 2) terms.push({ text: word, cjk: false }); word = ""; }
    function flushRun() {
      if (run.length === 1) terms.push({ text: run[0], cjk: true });
      for (var i = 0; i + 1 < run.length; i++) terms.push({ text: run[i] + run[i + 1], cjk: true });
      run = [];
    }
    Array.from(normalize(text)).forEach(function (ch) {
      var cp = ch.codePointAt(0);
      if (isCJK(cp)) { flushWord(); run.push(ch); }
      else if (wordChar.test(ch)) { flushRun(); word += ch; }
      else { flushWord(); flushRun(); }
    });
    flushWord(); flushRun();
    var seen = {};
    return terms.filter(function (t) { return seen[t.text] ? false : (seen[t.text] = true); });
  }
  function shardKey(term) { return Array.from(term.text).slice(0, term.cjk ? 1 : 3).join(""); }
  function shardFile(key) {
    return "t-" + Array.from(new TextEncoder().encode(key)).map(function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("") + ".js";
  }

  function search(text) {
    var terms = queryTerms(text);
    if (!terms.length) return Promise.resolve([]);
    return load("manifest.js", meta, "index").then(function (index) { return lookUp(terms, index.chunk || 1); });
  }

  function lookUp(terms, chunkSize) {
    return Promise.all(terms.map(function (term) {
      var key = shardKey(term);
      return load(shardFile(key), shards, key).then(function (shard) {
        var scores = {};
        Object.keys(shard).forEach(function (indexed) {
          var exact = indexed === term.text;
          var prefix = !term.cjk && Array.from(term.text).length >= 3 && indexed.indexOf(term.text) === 0;
          if (!exact && !prefix) return;
          var postings = shard[indexed];
          for (var i = 0; i < postings.length; i += 2) {
            var score = postings[i + 1] * (exact ? 1 : 0.6);
            scores[postings[i]] = Math.max(scores[postings[i]] || 0, score);
          }
        });
        return scores;
      });
    })).then(function (perTerm) {
      var total = perTerm[0];
      var docs = Object.keys(total).filter(function (doc) { return perTerm.every(function (s) { return s[doc] !== undefined; }); });
      var ranked = docs.map(function (doc) {
        return { doc: +doc, score: perTerm.reduce(function (sum, s) { return sum + s[doc]; }, 0) };
      }).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; }).slice(0, 20);
      var needed = {};
      ranked.forEach(function (r) { needed[Math.floor(r.doc / chunkSize)] = true; });
      return Promise.all(Object.keys(needed).map(function (c) { return load("d-" + c + ".js", chunks, c); })).then(function () {
        return ranked.map(function (r) {
          var d = (chunks[Math.floor(r.doc / chunkSize)] || [])[r.doc % chunkSize];
          return d ? { url: base + d[0], title: d[1], kind: d[2], summary: d[3] } : null;
        }).filter(Boolean);
      });
    });
  }

  // Wraps what the reader typed in <mark>, using text nodes only (titles are data, never HTML).
  function highlighted(text, query) {
    var fragment = document.createDocumentFragment();
    var needles = query.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    var lower = text.toLowerCase(), at = 0;
    while (at < text.length) {
      var best = -1, length = 0;
      needles.forEach(function (n) { var i = lower.indexOf(n, at); if (i >= 0 && (best < 0 || i < best)) { best = i; length = n.length; } });
      if (best < 0) { fragment.appendChild(document.createTextNode(text.slice(at))); break; }
      if (best > at) fragment.appendChild(document.createTextNode(text.slice(at, best)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(best, best + length);
      fragment.appendChild(mark);
      at = best + length;
    }
    return fragment;
  }

  function render(list, results, query, kinds, emptyText) {
    list.textContent = "";
    if (!results.length) {
      var none = document.createElement("p");
      none.className = "search-empty";
      none.textContent = emptyText;
      list.appendChild(none);
      return;
    }
    Object.keys(kinds).forEach(function (kind) {
      var group = results.filter(function (r) { return r.kind === kind; });
      if (!group.length) return;
      var heading = document.createElement("h2");
      heading.className = "search-kind";
      heading.textContent = kinds[kind];
      list.appendChild(heading);
      var ul = document.createElement("ul");
      group.forEach(function (r) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = r.url;
        a.className = "search-hit";
        var title = document.createElement("strong");
        title.appendChild(highlighted(r.title, query));
        a.appendChild(title);
        if (r.summary) {
          var snippet = document.createElement("span");
          snippet.appendChild(highlighted(r.summary, query));
          a.appendChild(snippet);
        }
        li.appendChild(a);
        ul.appendChild(li);
      });
      list.appendChild(ul);
    });
  }

  function setUp() {
    var form = document.querySelector("form.site-search");
    if (!form) return;
    var input = form.querySelector("input[type=search]");
    var kinds = JSON.parse(form.getAttribute("data-kinds") || "{}");
    var emptyText = form.getAttribute("data-empty") || "";
    var panel = document.createElement("div");
    panel.className = "search-panel";
    panel.id = "search-panel";
    panel.hidden = true;
    panel.setAttribute("aria-live", "polite");
    form.appendChild(panel);
    input.setAttribute("aria-controls", "search-panel");
    var timer = null, active = -1;

    // The panel starts under the search box; where that would run past the window's right edge (a tablet, a
    // box on the right), it moves left, so the page never grows wider while it is open.
    function place(panel) {
      panel.style.left = "0px";
      var overflow = panel.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
      if (overflow > 0) panel.style.left = -Math.min(overflow, form.getBoundingClientRect().left - 8) + "px";
    }
    function hits() { return Array.prototype.slice.call(panel.querySelectorAll("a.search-hit")); }
    function activate(index) {
      var list = hits();
      list.forEach(function (a, i) { a.classList.toggle("active", i === index); });
      active = index;
      if (list[index]) list[index].scrollIntoView({ block: "nearest" });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      if (!query) { panel.hidden = true; return; }
      timer = setTimeout(function () {
        search(query).then(function (results) {
          if (input.value.trim() !== query) return;
          render(panel, results.slice(0, 10), query, kinds, emptyText);
          panel.setAttribute("data-query", query);
          panel.hidden = false;
          place(panel);
          active = -1;
        });
      }, 60);
    });
    input.addEventListener("keydown", function (event) {
      var list = hits();
      if (event.key === "ArrowDown") { event.preventDefault(); activate(Math.min(active + 1, list.length - 1)); }
      else if (event.key === "ArrowUp") { event.preventDefault(); activate(Math.max(active - 1, 0)); }
      else if (event.key === "Enter" && list[active]) { event.preventDefault(); window.location.href = list[active].href; }
      else if (event.key === "Escape") { panel.hidden = true; input.blur(); }
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
      if (event.key === "/" && !typing) { event.preventDefault(); input.focus(); }
    });
    document.addEventListener("click", function (event) { if (!form.contains(event.target)) panel.hidden = true; });

    var page = document.getElementById("search-page-results");
    if (page) {
      var query = new URLSearchParams(window.location.search).get("q") || "";
      input.value = query;
      var pageInput = document.getElementById("search-page-input");
      if (pageInput) pageInput.value = query;
      if (query) search(query).then(function (results) { render(page, results, query, kinds, emptyText); });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp); else setUp();
})();
