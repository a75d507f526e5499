import ArgumentParser
import FieldbookCore
import FieldbookModel
import FieldbookScaffold
import FieldbookWrite
import Foundation

/// `fieldbook theme`: the built-in theme's files, and copies of the ones a portal means to change.
struct Theme: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in theme's files, or copy some into templates/ to change them.",
        discussion: """
            A file in PORTAL/templates/ replaces the built-in file of the same name; everything else stays built in \
            and keeps receiving fixes when Fieldbook is upgraded. So copy only what you change.
            """,
        subcommands: [List.self, Copy.self],
        defaultSubcommand: List.self)

    /// `fieldbook theme list`: every built-in file, marking those the portal replaces.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in files; * marks those the portal replaces.")

        @Option(help: "The portal folder.")
        var portal: String = "."

        func run() {
            for path in ThemeFiles.paths {
                let replaced = FileManager.default.fileExists(atPath: "\(portal)/templates/\(path)")
                print((replaced ? "* templates/" : "  ") + path)
            }
        }
    }

    /// `fieldbook theme copy FILE...`: writes the built-in text to `templates/FILE`, never over an existing file.
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Copy built-in files into PORTAL/templates/ to edit them.")

        @Argument(help: "Files as `fieldbook theme` lists them, e.g. partials/footer.mustache.")
        var files: [String]

        @Option(help: "The portal folder.")
        var portal: String = "."

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("name at least one file; `fieldbook theme` lists them") }
            for file in files where ThemeFiles.bytes(of: file) == nil {
                throw ValidationError("the built-in theme has no \(file); `fieldbook theme` lists its files")
            }
        }

        func run() throws {
            for file in files {
                let path = "templates/\(file)"
                guard !FileManager.default.fileExists(atPath: "\(portal)/\(path)") else {
                    throw ValidationError("\(path) already exists; remove it first to start again from the built-in file")
                }
                try FileReplacer.replace("\(portal)/\(path)", with: String(decoding: ThemeFiles.bytes(of: file) ?? [], as: UTF8.self))
                print("Created \(path)")
            }
        }
    }
}
