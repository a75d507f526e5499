/// A place in a portal file, 1-based, with the path relative to the portal root.
package struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var path: String
    package var line: Int
    package var column: Int

    package init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    package var description: String { "\(path):\(line):\(column)" }

    package static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// One problem found in a portal, printed as `path:line:column: error|warning: message`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    package enum Severity: String, Sendable, Comparable {
        case warning, error
        package static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    package var severity: Severity
    package var location: SourceLocation
    package var message: String
    /// Nested causes, printed as `note:` lines under the diagnostic.
    package var notes: [Note]

    /// A secondary location that explains a diagnostic (the template a page was rendered with, the first definition of a duplicate).
    package struct Note: Hashable, Sendable {
        package var location: SourceLocation
        package var message: String
        package init(_ location: SourceLocation, _ message: String) {
            self.location = location
            self.message = message
        }
    }

    package init(_ severity: Severity, _ location: SourceLocation, _ message: String, notes: [Note] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    package static func error(_ location: SourceLocation, _ message: String, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, location, message, notes: notes)
    }

    package static func warning(_ location: SourceLocation, _ message: String, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, location, message, notes: notes)
    }

    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        for note in notes { text += "\n\(note.location): note: \(note.message)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    package var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column, so output is the same from run to run.
    package func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}

/// Thrown by the pipeline when a stage finds errors; carries every diagnostic found so far.
package struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]
    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
