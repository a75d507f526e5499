/// Gives headings GitHub-style anchor ids: lower-cased, punctuation dropped, spaces to hyphens, letters of every
/// script kept (so Chinese headings get Chinese ids), and `-1`, `-2` appended to repeats within one document.
package struct HeadingSlugger {
    private var used: [String: Int] = [:]

    package init() {}

    /// The id for the next heading with this text.
    package mutating func id(for text: String) -> String {
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
    package static func slug(_ text: String) -> String {
        // ASCII (most headings) on bytes: letters lower-cased, digits, `-` and `_` kept, spaces and tabs to `-`.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case 0x41...0x5A: bytes.append(byte + 32)
                case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: bytes.append(byte)
                case 0x20, 0x09: bytes.append(0x2D)
                default: break
                }
            }
            return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
        }
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
