import FieldbookModel
import FieldbookTemplates

/// The open page that stands in for a private one in an encrypted portal (`pages/sealed.mustache`): the words of its
/// locked and error screens come from `labels`; `envelope` is the encrypted page, which `unlock.js` opens.
package struct SealedPageView: TemplateView {
    /// Raw JSON (`{{{envelope}}}`): base64url and punctuation, nothing to escape.
    package var envelope: String

    package static let templateSchema = TemplateSchema(Self.self, ["envelope": .value(\.envelope)])
}

extension PageRenderer {
    /// The open page every private page's envelope is put into, rendered once: the bytes before and after
    /// `{{{envelope}}}`, which the template must show exactly once; nil with the template's problems otherwise.
    package func sealedShell() -> (shell: (prefix: [UInt8], suffix: [UInt8])?, diagnostics: [Diagnostic]) {
        let marker = "\u{1}fieldbook-envelope\u{1}"
        let meta = PageMeta(
            title: site.labels["privatePage"], description: site.labels["privateTitle"], url: site.config.baseURL, breadcrumbs: [], noindex: true)
        let page = Page(outputPath: "sealed.html", template: "sealed", meta: meta, view: SealedPageView(envelope: marker))
        switch renderPage(page) {
        case .failure(let failure):
            var reported: Set<String> = []
            return (nil, diagnostics([(page, failure)], reported: &reported))
        case .success(let bytes):
            let parts = String(decoding: bytes, as: UTF8.self).components(separatedBy: marker)
            guard parts.count == 2 else {
                return (nil, [.error(SourceLocation(path: templates.path(of: "sealed")), "the sealed page must show {{{envelope}}} exactly once")])
            }
            return ((Array(parts[0].utf8), Array(parts[1].utf8)), [])
        }
    }
}
