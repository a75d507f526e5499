import FieldbookModel
import Foundation
import Mustache

/// The theme's templates, parsed once and shared by every page render.
///
/// Names are file names without `.mustache` (`base`, `lesson`, `toc`), unique across `templates/layouts`, `pages` and
/// `partials`; a page template inherits a layout with `{{<base}}` and overrides its `{{$blocks}}`.
package struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    private let sources: [String: TemplateSource]

    /// Every template starts in this content type, whose escaping is `escapeHTML` (byte by byte) instead of
    /// swift-mustache's own (Character by Character, which lets a quote with a combining mark through).
    static let contentTypePragma: String = {
        MustacheContentTypes.register(MustacheHTML(), named: "FIELDBOOK_HTML")
        return "{{% CONTENT_TYPE: FIELDBOOK_HTML}}\n"
    }()

    struct MustacheHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { escapeHTML(text) }
    }

    /// Parses every template; syntax errors and references to templates that do not exist are diagnostics.
    package static func compile(_ sources: [String: TemplateSource]) -> (TemplateSet, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        let pragma = contentTypePragma
        for source in sources.values.sorted(by: { $0.name < $1.name }) {
            do {
                library.register(try MustacheTemplate(string: pragma + source.text), named: source.name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma is a line of its own (standalone, so it renders as nothing) above the template's first.
                let location = SourceLocation(
                    path: source.path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)
                diagnostics.append(.error(location, "template syntax: \(describe(error.error))"))
            } catch {
                diagnostics.append(.error(SourceLocation(path: source.path), "template syntax: \(error)"))
            }
            diagnostics += missingPartials(in: source, known: sources)
        }
        return (TemplateSet(library: library, sources: sources), diagnostics)
    }

    /// Where diagnostics about a template point.
    package func path(of name: String) -> String { sources[name]?.path ?? "templates/\(name).mustache" }

    /// Renders a page; fails with the names the template used that no view model has.
    func render(_ name: String, _ context: PageContext) -> Result<String, TemplateFailure> {
        guard let template = library.getTemplate(named: name) else { return .failure(.missingTemplate(name)) }
        let recorder = LookupRecorder()
        let text = LookupRecorder.$current.withValue(recorder) { template.render(context, library: library) }
        let unresolved = recorder.unresolved
        return unresolved.isEmpty ? .success(text) : .failure(.unknownKeys(unresolved))
    }

    package enum TemplateFailure: Error {
        case missingTemplate(String)
        case unknownKeys([String])
    }

    /// swift-mustache renders a missing partial as nothing; finding `{{> name}}` and `{{< name}}` tags whose
    /// template does not exist makes that an error with the tag's position instead.
    private static func missingPartials(in source: TemplateSource, known: [String: TemplateSource]) -> [Diagnostic] {
        let lines = LineIndex(source.text)
        let utf8 = Array(source.text.utf8)
        var diagnostics: [Diagnostic] = []
        var index = 0
        while index + 3 < utf8.count {
            guard utf8[index] == UInt8(ascii: "{"), utf8[index + 1] == UInt8(ascii: "{"),
                utf8[index + 2] == UInt8(ascii: ">") || utf8[index + 2] == UInt8(ascii: "<")
            else {
                index += 1
                continue
            }
            guard let close = (index + 3..<utf8.count - 1).first(where: { utf8[$0] == UInt8(ascii: "}") && utf8[$0 + 1] == UInt8(ascii: "}") }) else {
                break
            }
            let name = String(decoding: utf8[index + 3..<close], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if !name.hasPrefix("*"), known[name] == nil {
                diagnostics.append(.error(lines.location(ofByte: index, in: source.path), "template '\(name)' does not exist"))
            }
            index = close + 2
        }
        return diagnostics
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "section closed with a different name than it was opened with"
        case .unfinishedName: "unfinished tag"
        case .expectedSectionEnd: "a section is never closed"
        case .invalidSetDelimiter: "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: "only block overrides may appear inside an inheritance section"
        case .textInsideInheritSection: "only block overrides may appear inside an inheritance section"
        case .invalidConfigVariableSyntax: "invalid pragma"
        case .unrecognisedConfigVariable: "unknown pragma"
        case nil: "\(error)"
        }
    }
}
