/// Escapes text for an HTML text node or a double-quoted attribute value.
public func escapeHTML(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}

/// Same as `escapeHTML`; named for the attribute context to make call sites read right.
public func escapeAttribute(_ text: String) -> String { escapeHTML(text) }
