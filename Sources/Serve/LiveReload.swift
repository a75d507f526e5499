import FieldbookCore
import FieldbookModel
import Foundation

/// The state browsers wait on while `fieldbook serve` runs: a build number that grows with each successful rebuild,
/// and the diagnostics of the last failed one (cleared by the next success).
package actor LiveReload {
    package private(set) var version = 0
    package private(set) var failure: [Diagnostic] = []

    package init() {}

    package func succeeded() {
        version += 1
        failure = []
    }

    package func failed(_ diagnostics: [Diagnostic]) {
        failure = diagnostics
        version += 1
    }

    /// Waits until the state moves past `seen`, for at most `timeout` seconds (kept under the server's 15 s limit),
    /// then reports it: `{"version": n, "errors": ["path:line:col: error: ...", ...]}`.
    package func wait(after seen: Int, timeout: Double = 10) async -> Data {
        let deadline = Date().addingTimeInterval(timeout)
        while version <= seen, Date() < deadline {
            try? await Task.sleep(nanoseconds: 50_000_000)
        }
        let errors = failure.map {
            "\""
                + $0.description.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(
                    of: "\n", with: "\\n") + "\""
        }
        return Data("{\"version\":\(version),\"errors\":[\(errors.joined(separator: ","))]}".utf8)
    }

    /// Added before `</body>` of HTML while serving, never written to the output: long-polls for a new build, reloads
    /// the page, and shows a failed build's diagnostics over the page until the next good one.
    package static let snippet = """
        <script>(function(){var v=null;function show(e){var o=document.getElementById("fieldbook-overlay");if(!e.length){if(o)o.remove();return;}
        if(!o){o=document.createElement("pre");o.id="fieldbook-overlay";o.style.cssText="position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;background:#2b0b0b;color:#ffd7d7;font:13px/1.5 monospace;z-index:99999;white-space:pre-wrap";document.body.appendChild(o);}
        o.textContent="fieldbook: the last rebuild failed; showing the previous portal.\\n\\n"+e.join("\\n");}
        function poll(){fetch("/__fieldbook/wait?v="+(v===null?-1:v),{cache:"no-store"}).then(function(r){return r.json();}).then(function(s){
        if(v===null){v=s.version;show(s.errors);}else if(s.version!==v){if(s.errors.length){v=s.version;show(s.errors);}else{location.reload();return;}}poll();})
        .catch(function(){setTimeout(poll,1000);});}
        poll();})();</script>
        """
}
