import Foundation

/// Gives names stable, unique slug ids: `Anna Snelling` → `anna-snelling`, accents folded; names with no Latin
/// letters (李娜) get `rep-` and a short hash of the name; a second name with the same slug gets `-2`.
struct SlugAllocator {
    private var assigned: [String: String] = [:]
    private var used: Set<String> = []

    mutating func id(for name: String, kind: String) -> String {
        if let id = assigned["\(kind)\u{0}\(name)"] { return id }
        var base = Self.slug(name) ?? "\(kind)-\(Self.hash(name))"
        if base.utf8.count > 60 { base = String(base.prefix(60)) }
        var id = base
        var n = 2
        while used.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        used.insert(id)
        assigned["\(kind)\u{0}\(name)"] = id
        return id
    }

    static func slug(_ name: String) -> String? {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? nil : slug
    }

    /// FNV-1a, so the same name gets the same id on every machine.
    static func hash(_ name: String) -> String {
        var value: UInt32 = 2_166_136_261
        for byte in name.utf8 { value = (value ^ UInt32(byte)) &* 16_777_619 }
        return String(value, radix: 16)
    }
}
