/// Escapes text for an HTML text node or a double- or single-quoted attribute value.
///
/// Byte by byte, not Character by Character: a quote followed by a combining mark (`"\u{301}`) is one Swift Character
/// that equals no quote, yet a browser reads a plain quote that closes the attribute. Working on UTF-8 bytes also
/// makes this the fast path of every page (the template engine escapes with it, `appendEscapingHTML`).
package func escapeHTML(_ text: String) -> String {
    var copy = text
    return copy.withUTF8 { utf8 in
        guard utf8.contains(where: needsEscaping) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 32)
        appendEscaping(utf8, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Appends `text` to `bytes`, escaped as `escapeHTML` does: the template engine's escaper, which writes straight
/// into the page's buffer.
package func appendEscapingHTML(_ text: String, to bytes: inout [UInt8]) {
    var copy = text
    copy.withUTF8 { utf8 in
        if utf8.contains(where: needsEscaping) {
            appendEscaping(utf8, to: &bytes)
        } else {
            bytes.append(contentsOf: utf8)
        }
    }
}

private func needsEscaping(_ byte: UInt8) -> Bool { byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 }

private func appendEscaping(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
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
}

/// Same as `escapeHTML`; named for the attribute context to make call sites read right.
package func escapeAttribute(_ text: String) -> String { escapeHTML(text) }
