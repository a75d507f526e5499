import Foundation

/// Maps request paths to files of the output folder, refusing anything that would leave it: `..` (also encoded as
/// `%2e%2e`), NUL bytes, backslashes, and symbolic links that point outside.
package struct StaticFiles: Sendable {
    /// The output folder, symbolic links resolved.
    package let root: String

    package init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
    }

    package enum Resolution: Equatable, Sendable {
        case file(String)
        /// A folder asked for without its trailing slash: redirect so relative links resolve.
        case redirect(String)
        case notFound
        case forbidden
    }

    package func resolve(_ requestPath: String) -> Resolution {
        let path = requestPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard let decoded = path.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else { return .forbidden }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0 == "." }) else { return .forbidden }
        var candidate = parts.reduce(root) { $0 + "/" + $1 }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            if !decoded.hasSuffix("/") && !decoded.isEmpty { return .redirect(path + "/") }
            candidate += "/index.html"
        }
        // Symbolic links are followed, but the file they reach must still be inside the output.
        let real = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
        guard real.hasPrefix(root + "/") else { return .forbidden }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), !isFolder.boolValue else { return .notFound }
        return .file(real)
    }

    /// Content types by extension; anything unknown is served as bytes.
    package static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "txt", "md": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }

    /// A strong validator for `If-None-Match`: FNV-1a of the bytes.
    package static func etag(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "\"" + String(hash, radix: 16) + "\""
    }
}
