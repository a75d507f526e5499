/// Escapes text for an HTML text node or a double- or single-quoted attribute value.
///
/// Byte by byte, not Character by Character: a quote followed by a combining mark (`"\u{301}`) is one Swift Character
/// that equals no quote, yet a browser reads a plain quote that closes the attribute. Working on UTF-8 bytes also
/// makes this the fast path of every page (swift-mustache's own escaper is replaced by it, `MustacheHTML`).
package func escapeHTML(_ text: String) -> String {
    var copy = text
    return copy.withUTF8 { utf8 in
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Same as `escapeHTML`; named for the attribute context to make call sites read right.
package func escapeAttribute(_ text: String) -> String { escapeHTML(text) }
