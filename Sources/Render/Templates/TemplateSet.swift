import FieldbookModel
import FieldbookTemplates
import Synchronization

/// The theme's templates, parsed once and shared by every page render; each page template is compiled once per view
/// type it renders, against the site's fields, the page's meta fields and the view's own.
///
/// Names are file names without `.mustache` (`base`, `lesson`, `toc`), unique across `templates/layouts`, `pages` and
/// `partials`; a page template inherits a layout with `{{<base}}` and overrides its `{{$blocks}}`.
package struct TemplateSet: Sendable {
    private let library: TemplateLibrary
    private let sources: [String: TemplateSource]
    private let compiled = CompiledTemplates()

    /// Parses every template; syntax errors and references to templates that do not exist are diagnostics.
    package static func compile(_ sources: [String: TemplateSource]) -> (TemplateSet, [Diagnostic]) {
        var parsed: [String: ParsedTemplate] = [:]
        var diagnostics: [Diagnostic] = []
        var blockIDs = 0
        for source in sources.values.sorted(by: { $0.name < $1.name }) {
            do {
                parsed[source.name] = try ParsedTemplate.parse(source.text, name: source.name, path: source.path, blockIDs: &blockIDs)
            } catch {
                diagnostics.append(
                    .error(LineIndex(source.text).location(ofByte: error.offset, in: source.path), "template syntax: \(error.message)"))
            }
        }
        for template in parsed.values.sorted(by: { $0.name < $1.name }) {
            for tag in template.includedTemplates where sources[tag.name] == nil {
                let (line, column) = template.location(of: tag)
                diagnostics.append(.error(SourceLocation(path: template.path, line: line, column: column), "template '\(tag.name)' does not exist"))
            }
        }
        return (TemplateSet(library: TemplateLibrary(parsed), sources: sources), diagnostics)
    }

    /// Where diagnostics about a template point.
    package func path(of name: String) -> String { sources[name]?.path ?? "templates/\(name).mustache" }

    /// Renders a page; fails with the names the template uses that its context does not have.
    func render(_ name: String, view: any TemplateView, meta: PageMeta, site: TemplateValue) -> Result<[UInt8], TemplateFailure> {
        guard sources[name] != nil else { return .failure(.missingTemplate(name)) }
        let template = compiled.template(name, for: type(of: view)) {
            library.compile(name, context: [SiteView.templateSchema, PageMeta.templateSchema, $0])
        }
        switch template {
        case .success(let template):
            var output: [UInt8] = []
            output.reserveCapacity(32 * 1024)
            template.render([site, meta.templateValue, view.templateValue], into: &output)
            return .success(output)
        case .failure(let problems): return .failure(.problems(problems.list))
        }
    }

    package enum TemplateFailure: Error {
        case missingTemplate(String)
        /// Names the template uses that the page's context does not have, with their tags' positions.
        case problems([TemplateProblem])
    }
}

/// Compiled page templates by template name and view type, shared by the threads that render pages.
private final class CompiledTemplates: Sendable {
    private struct Key: Hashable {
        var name: String
        var view: ObjectIdentifier
    }
    private let cache = Mutex<[Key: Result<CompiledTemplate, TemplateProblems>]>([:])

    func template(
        _ name: String, for type: any TemplateView.Type, compile: (TemplateSchema) -> Result<CompiledTemplate, TemplateProblems>
    ) -> Result<CompiledTemplate, TemplateProblems> {
        let key = Key(name: name, view: ObjectIdentifier(type))
        if let known = cache.withLock({ $0[key] }) { return known }
        // Compiling twice on a race is harmless (the results are equal), and keeps the lock out of compilation.
        let result = compile(type.templateSchema)
        cache.withLock { $0[key] = result }
        return result
    }
}

extension ParsedTemplate {
    /// Every `{{>partial}}` and `{{<parent}}` tag, in order.
    var includedTemplates: [TemplateTag] {
        var tags: [TemplateTag] = []
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .partial(let tag, _): tags.append(tag)
                case .parent(let tag, _, let body):
                    tags.append(tag)
                    walk(body)
                case .section(_, let body, _), .block(_, _, let body): walk(body)
                case .text, .variable: break
                }
            }
        }
        walk(nodes)
        return tags
    }
}
