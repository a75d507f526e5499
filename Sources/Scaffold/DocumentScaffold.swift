import FieldbookModel
import FieldbookRender

/// A new lesson or playbook: a file name slugged from the title, the next lesson number, front matter filled in.
package enum DocumentScaffold {
    package enum Failure: Error, Equatable, CustomStringConvertible {
        case invalidFolder(String)
        case unknownRegion(String, known: [String])
        case exists(String)
        case emptyTitle

        package var description: String {
            switch self {
            case .invalidFolder(let name): "\"\(name)\" is not a valid id: use lower-case letters, digits, '-' and '_'"
            case .unknownRegion(let region, let known): "unknown region \"\(region)\" (known: \(known.joined(separator: ", ")))"
            case .exists(let path): "\(path) already exists"
            case .emptyTitle: "the title is empty"
            }
        }
    }

    /// `content/training/<course>/NN-<slug>.md`, numbered after the course's highest numbered lesson.
    package static func lesson(course: String, title: String, existing: [String], today: Day) -> Result<(path: String, text: String), Failure> {
        guard Slug.isValid(course) else { return .failure(.invalidFolder(course)) }
        guard let slug = slug(title) else { return .failure(.emptyTitle) }
        let next = (existing.compactMap { Slug.splitNumericPrefix(String($0.dropLast(".md".count))).0 }.max() ?? 0) + 1
        let path = "content/training/\(course)/\(next < 10 ? "0" : "")\(next)-\(slug).md"
        return .success((path, frontMatter(title: title, today: today)))
    }

    /// `content/playbooks/<region>/<slug>.md`; the region must be `global`, a team region or an existing shelf.
    package static func playbook(
        region: String, title: String, knownRegions: Set<String>, existing: [String], today: Day
    ) -> Result<(path: String, text: String), Failure> {
        guard Slug.isValid(region) else { return .failure(.invalidFolder(region)) }
        let known = knownRegions.union([PlaybookShelf.globalRegion])
        guard known.contains(region) else { return .failure(.unknownRegion(region, known: known.sorted())) }
        guard let slug = slug(title) else { return .failure(.emptyTitle) }
        guard !existing.contains("\(slug).md") else { return .failure(.exists("content/playbooks/\(region)/\(slug).md")) }
        return .success(
            (
                "content/playbooks/\(region)/\(slug).md",
                frontMatter(title: title, today: today, region: region == PlaybookShelf.globalRegion ? nil : region)
            ))
    }

    /// Letters of any script and digits kept, lower-cased, everything else a single `-`: "First Call!" → `first-call`, 客户拜访 → `客户拜访`.
    static func slug(_ title: String) -> String? {
        var slug = ""
        for character in title.lowercased() {
            if character.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType == .decimal }) {
                slug.append(character)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        let trimmed = String(slug.prefix(80))
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func frontMatter(title: String, today: Day, region: String? = nil) -> String {
        var fields = [("title", JSONOutput.quoted(title)), ("tags", "[]"), ("updated", "\"\(today)\"")]
        if let region { fields.append(("region", JSONOutput.quoted(region))) }
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}\n\n"
    }
}
