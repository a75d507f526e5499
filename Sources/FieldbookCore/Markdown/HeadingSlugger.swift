/// Gives headings GitHub-style anchor ids: lower-cased, punctuation dropped, spaces to hyphens, letters of every
/// script kept (so Chinese headings get Chinese ids), and `-1`, `-2` appended to repeats within one document.
public struct HeadingSlugger {
    private var used: [String: Int] = [:]

    public init() {}

    /// The id for the next heading with this text.
    public mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        if let count = used[base] {
            var n = count
            var candidate: String
            repeat {
                n += 1
                candidate = "\(base)-\(n)"
            } while used[candidate] != nil
            used[base] = n
            used[candidate] = 0
            return candidate
        }
        used[base] = 0
        return base
    }

    /// GitHub's rule: keep letters, marks, numbers, `-` and `_`; spaces become `-`; everything else goes.
    public static func slug(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
                .connectorPunctuation:
                result.append(scalar)
            case .dashPunctuation where scalar == "-":
                result.append(scalar)
            case .spaceSeparator:
                result.append("-")
            default:
                if scalar == " " || scalar == "\t" { result.append("-") }
            }
        }
        let slug = String(result)
        return slug.isEmpty ? "section" : slug
    }
}
