/// Reads the money and percentages of CRM exports, and refuses what it would have to guess.
///
/// Currency symbols (`$ € £ ¥ ￥`), three-letter currency codes (`USD 1,200`), spaces and a trailing `%` are dropped.
/// Separators: with both `,` and `.`, the rightmost is the decimal point and the other groups thousands
/// (`1,234.50`, `1.234,50`); a lone kind repeated, or followed by exactly three digits, groups thousands (`1,200`,
/// `1.234.567`); a single `,` or `.` followed by one or two digits, or after a 0, is the decimal point (`12,5`,
/// `99.95`, `0.125`). Anything
/// else, such as `12k` or `1,23,4`, is not a number: an error at its row, never a silently smaller figure.
enum AmountParser {
    static func parse(_ text: String) -> Double? {
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.hasSuffix("%") { body.removeLast() }
        let letters = body.filter(\.isLetter)
        if !letters.isEmpty {
            // Only a currency code at one end: "USD 1,200", "1200 EUR".
            guard letters.count == 3, letters.allSatisfy({ $0.isASCII && $0.isUppercase }),
                body.hasPrefix(letters) || body.hasSuffix(letters)
            else { return nil }
            body = body.replacingOccurrences(of: letters, with: "")
        }
        body = String(body.filter { !"$€£¥￥".contains($0) && !$0.isWhitespace })
        var negative = false
        if body.hasPrefix("-") {
            negative = true
            body.removeFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }),
            let normalized = normalize(body), let value = Double(normalized), value.isFinite
        else { return nil }
        return negative ? -value : value
    }

    /// The digits with `.` as the only separator, or nil when the separators are not one of the accepted patterns.
    private static func normalize(_ body: String) -> String? {
        let commas = body.count { $0 == "," }, points = body.count { $0 == "." }
        if commas == 0 && points == 0 { return body }
        if commas == 0 || points == 0 {
            // One kind of separator: a decimal point before one or two digits, else thousands groups.
            let parts = body.split(separator: commas > 0 ? "," : ".", omittingEmptySubsequences: false)
            // A decimal point: one or two digits after it, or a whole part of 0 (`0.125` is never 125 in thousands).
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, (1...2).contains(parts[1].count) || parts[0].hasPrefix("0") {
                return parts[0] + "." + parts[1]
            }
            return grouped(parts) ? parts.joined() : nil
        }
        // Both kinds: the rightmost is the decimal point, the other groups thousands before it.
        let decimal: Character = body.last { $0 == "," || $0 == "." } == "," ? "," : "."
        let thousands: Character = decimal == "," ? "." : ","
        let halves = body.split(separator: decimal, omittingEmptySubsequences: false)
        guard halves.count == 2, !halves[1].isEmpty, !halves[1].contains(thousands) else { return nil }
        let groups = halves[0].split(separator: thousands, omittingEmptySubsequences: false)
        return grouped(groups) ? groups.joined() + "." + halves[1] : nil
    }

    /// `1`, `200`, `000`: a first group of 1 to 3 digits, then groups of exactly 3.
    private static func grouped(_ groups: [Substring]) -> Bool {
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}
