import Foundation

/// Rules for the ids and names that become parts of URLs and file paths.
package enum Slug {
    /// Ids (course folders, regions, reps) are lower-case ASCII slugs: `[a-z0-9][a-z0-9-_]*`. Anything else could
    /// escape the output folder or collide on a case-insensitive file system.
    package static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.utf8.count <= 100 else { return false }
        func isAlphanumeric(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("0"..."9").contains(s) }
        return isAlphanumeric(first) && id.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" }
    }

    /// Page names may also hold letters of other scripts (a Chinese file name), but never dots, slashes or upper case.
    package static func isValidPageName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 200, name == name.lowercased() else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar == "-" || scalar == "_" || scalar.properties.numericType == .decimal || scalar.properties.isAlphabetic
        }
    }

    /// `02-discovery-call` is position 2 and slug `discovery-call`.
    package static func splitNumericPrefix(_ name: String) -> (Int?, String) {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6 else { return (nil, name) }
        let rest = name.dropFirst(digits.count)
        guard let separator = rest.first, "-_. ".contains(separator), rest.count > 1 else { return (nil, name) }
        return (Int(digits), String(rest.dropFirst()))
    }

    /// `discovery-call` reads as `Discovery call` when a document has no title of its own.
    package static func humanized(_ slug: String) -> String {
        let words = slug.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// A tag as it appears in a URL: lower-cased, spaces to `-`, anything that is not a letter, digit, `-` or `_` dropped.
    package static func tag(_ tag: String) -> String {
        HeadingSlugger.slug(tag.trimmingWhitespace)
    }
}
