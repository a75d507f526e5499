import ArgumentParser
import FieldbookCore
import FieldbookModel
import Foundation

extension BuildOptions {
    /// `FIELDBOOK_KEYS` as the command line found it.
    static var keysFromEnvironment: String? { ProcessInfo.processInfo.environment[keysVariable].flatMap { $0.isEmpty ? nil : $0 } }
}

/// `fieldbook keys`: the readers of an encrypted portal and their personal links; `fieldbook keys rotate READER`.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every reader of an encrypted portal with their personal link, or give one a new key.",
        discussion: """
            With "access": {"mode": "encrypted"} in fieldbook.json, private pages are encrypted for the readers \
            allowed to open them (docs/security.md). Each reader's link carries their key after the #, which \
            browsers never send to a server. Readers without a key get one, saved to the keys file \
            (access.keysFile, default .fieldbook/keys.json; FIELDBOOK_KEYS gives the file's text or path instead). \
            Keep that file out of the repository and out of the output.
            """,
        subcommands: [List.self, Rotate.self],
        defaultSubcommand: List.self
    )

    /// Prints the diagnostics; the exit code of a portal with errors.
    static func failed(_ error: DiagnosticsError) -> ExitCode {
        FileHandle.standardError.write(Data((error.diagnostics.map(\.description).joined(separator: "\n") + "\n").utf8))
        return ExitCode(1)
    }

    enum Format: String, ExpressibleByArgument {
        case csv, json
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every reader with their personal link (reader,name,role,link).")

        @Argument(help: "The portal folder, holding fieldbook.json.")
        var portal: String = "."

        @Option(name: .customLong("base-url"), help: "Where the portal is published, e.g. https://sales.example.com/ (default: baseURL).")
        var baseURL: String?

        @Option(help: "csv or json.")
        var format: Format = .csv

        func run() throws {
            let links: [Pipeline.ReaderLink]
            do {
                let found = try Pipeline.readerLinks(BuildOptions(portal: portal, keys: BuildOptions.keysFromEnvironment), baseURL: baseURL)
                links = found.links
                // Readers left out (no key in FIELDBOOK_KEYS) are named, never silently missing from the list.
                if !found.warnings.isEmpty {
                    FileHandle.standardError.write(Data((found.warnings.map(\.description).joined(separator: "\n") + "\n").utf8))
                }
            } catch {
                throw Keys.failed(error)
            }
            switch format {
            case .csv:
                print("reader,name,role,link")
                for link in links { print([link.reader, link.name, link.role, link.link].map(csvField).joined(separator: ",")) }
            case .json:
                let rows = links.map { link in
                    JSONOutput.object([
                        ("reader", .string(link.reader)), ("name", .string(link.name)), ("role", .string(link.role)), ("link", .string(link.link)),
                    ])
                }
                print(JSONOutput.array(rows).rendered(indentedLevels: 2))
            }
        }
    }

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give one reader a new key: after the next build, their old link opens nothing.")

        @Argument(help: "The reader's id (a rep's, a manager's or an admin's).")
        var reader: String

        @Argument(help: "The portal folder, holding fieldbook.json.")
        var portal: String = "."

        func run() throws {
            do {
                try Pipeline.rotateKey(of: reader, BuildOptions(portal: portal, keys: BuildOptions.keysFromEnvironment))
            } catch {
                throw Keys.failed(error)
            }
            print("New key for \(reader). Rebuild and publish the portal, then send them their new link (fieldbook keys).")
        }
    }
}
