// Runs templates/assets/search.js in Node against a built portal: node search-harness.js PUBLIC_DIR QUERY...
// Prints one JSON line per query: the result URLs relative to the portal, best first.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const root = path.resolve(process.argv[2]);
const base = "file://" + root + "/";
global.window = global;
global.TextEncoder = require("util").TextEncoder;
global.document = {
  readyState: "complete",
  currentScript: { src: base + "assets/search.js" },
  head: {
    appendChild(tag) {
      const file = decodeURIComponent(tag.src.slice("file://".length));
      setImmediate(() => {
        if (fs.existsSync(file)) { vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file }); tag.onload(); } else { tag.onerror(); }
      });
    }
  },
  createElement() { return {}; },
  querySelector() { return null; },
  getElementById() { return null; },
  addEventListener() {}
};
vm.runInThisContext(fs.readFileSync(path.join(root, "assets/search.js"), "utf8"));
(async () => {
  for (const query of process.argv.slice(3)) {
    const results = await window.fieldbookSearch.query(query);
    console.log(JSON.stringify(results.map((r) => r.url.slice(base.length))));
  }
})();
