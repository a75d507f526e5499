import ArgumentParser
import FieldbookCore
import FieldbookLoad
import FieldbookModel
import FieldbookScaffold
import FieldbookWrite
import Foundation

/// Today's date in the local time zone: the one place the tool reads the clock, for dating new documents.
func today() -> Day {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)  // a Gregorian date always has all three
}

/// `fieldbook init DIR`: a new, working portal.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new portal: settings, a sample course, a playbook and sample data (the theme stays built in).")

    @Argument(help: "The folder to create (it must be empty or not exist).")
    var directory: String

    @Option(help: "Language of the theme and the samples: en or zh-CN.")
    var locale: String = "en"

    @Option(help: "The portal's title.")
    var title: String = "Sales Portal"

    func run() throws {
        guard let language = SiteConfig.Locale(rawValue: locale) else { throw ValidationError("--locale must be en or zh-CN") }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        guard existing.filter({ !$0.hasPrefix(".") }).isEmpty else { throw ValidationError("\(directory) is not empty") }
        let files = PortalScaffold.files(title: title, locale: language, today: today())
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            try FileReplacer.replace(directory + "/" + path, with: String(decoding: bytes, as: UTF8.self))
        }
        print("Created a portal in \(directory) (\(files.count) files). Next: fieldbook build \(directory), or fieldbook serve \(directory)")
    }
}

/// `fieldbook new lesson|playbook`: a document with its front matter filled in.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a lesson or a playbook with its front matter filled in.",
        discussion: """
            fieldbook new lesson <course> "Title"     numbered after the course's last lesson
            fieldbook new playbook <region> "Title"   region: global, a team region or an existing shelf
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case lesson, playbook }

    @Argument(help: "lesson or playbook.")
    var kind: Kind

    @Argument(help: "The course (for a lesson) or the region (for a playbook).")
    var folder: String

    @Argument(help: "The document's title.")
    var title: String

    @Option(help: "The portal folder.")
    var portal: String = "."

    func run() throws {
        let manager = FileManager.default
        let section = kind == .lesson ? "training" : "playbooks"
        let existing = (try? manager.contentsOfDirectory(atPath: "\(portal)/content/\(section)/\(folder)"))?.filter { $0.hasSuffix(".md") } ?? []
        let result: Result<(path: String, text: String), DocumentScaffold.Failure>
        switch kind {
        case .lesson:
            result = DocumentScaffold.lesson(course: folder, title: title, existing: existing, today: today())
        case .playbook:
            let shelves = (try? manager.contentsOfDirectory(atPath: "\(portal)/content/playbooks")) ?? []
            let team = manager.contents(atPath: "\(portal)/content/data/team.json").flatMap { DataLoader().load(["team.json": [UInt8]($0)]).0?.team }
            let regions = Set(shelves + (team?.regions.map(\.id) ?? []))
            result = DocumentScaffold.playbook(region: folder, title: title, knownRegions: regions, existing: existing, today: today())
        }
        switch result {
        case .success(let (path, text)):
            guard !manager.fileExists(atPath: "\(portal)/\(path)") else { throw ValidationError("\(path) already exists") }
            try FileReplacer.replace("\(portal)/\(path)", with: text)
            print("Created \(path)")
        case .failure(let failure):
            throw ValidationError(failure.description)
        }
    }
}
