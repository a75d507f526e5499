import Foundation

/// How diagnostics are written for people and for tools.
package enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:column: error: message`, notes on their own lines.
    case text
    /// A JSON array of `{path, line, column, severity, message, notes}`.
    case json
    /// GitHub Actions workflow commands, so a pull request shows each problem on its line.
    case github

    /// The diagnostics in this format; `pathPrefix` is prepended to paths where a tool needs them relative to the
    /// repository rather than the portal (GitHub annotations of a portal in a sub-folder).
    package func render(_ diagnostics: [Diagnostic], pathPrefix: String = "") -> String {
        switch self {
        case .text:
            return diagnostics.map { $0.description + "\n" }.joined()
        case .json:
            let list = diagnostics.map { diagnostic in
                JSONOutput.object(
                    location(diagnostic.location, prefix: pathPrefix) + [
                        ("severity", .string(diagnostic.severity.rawValue)), ("message", .string(diagnostic.message)),
                        (
                            "notes",
                            .array(diagnostic.notes.map { .object(location($0.location, prefix: pathPrefix) + [("message", .string($0.message))]) })
                        ),
                    ])
            }
            return JSONOutput.array(list).rendered(indentedLevels: 1)
        case .github:
            return diagnostics.map { diagnostic in
                let place = diagnostic.location
                var message = diagnostic.message
                for note in diagnostic.notes { message += "\n\(note.location): \(note.message)" }
                return "::\(diagnostic.severity.rawValue) file=\(Self.property(pathPrefix + place.path)),line=\(place.line),col=\(place.column)::"
                    + Self.data(message) + "\n"
            }.joined()
        }
    }

    private func location(_ location: SourceLocation, prefix: String) -> [(String, JSONOutput)] {
        [("path", .string(prefix + location.path)), ("line", .whole(location.line)), ("column", .whole(location.column))]
    }

    /// Workflow-command escaping of a message: `%`, CR and LF.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Workflow-command escaping of a property value: also `:` and `,`.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
