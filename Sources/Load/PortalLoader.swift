import FieldbookModel
import Foundation

/// Reads a portal folder: `fieldbook.json`, Markdown and other files under `content/`, and the theme (`builtIn`, the
/// theme the binary carries, with any file in the portal's `templates/` replacing the built-in one of the same name).
package struct PortalLoader: Sendable {
    package let root: String
    package let fileSystem: any FileSystem
    package let builtIn: Theme

    package init(root: String, fileSystem: any FileSystem = DiskFileSystem(), builtIn: Theme = Theme()) {
        self.root = root
        self.fileSystem = fileSystem
        self.builtIn = builtIn
    }

    /// The path of `relative` inside the portal, as the file system sees it.
    package func resolve(_ relative: String) -> String {
        root.isEmpty ? relative : root + "/" + relative
    }

    /// Reads the portal. Markdown files that `parsed` (an earlier build's) holds with their stamp unchanged are taken
    /// from it without their text (`SourceDocument.hasText` false; `texts(of:)` reads it when it is needed).
    package func load(parsed known: ParsedSources? = nil) -> (PortalSource?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let configBytes = try? fileSystem.contents(of: resolve(ConfigParser.path)) else {
            return (
                nil, [.error(SourceLocation(path: ConfigParser.path), "no fieldbook.json in \(root.isEmpty ? "." : root): is this a portal folder?")]
            )
        }
        let (config, configDiagnostics) = ConfigParser.parse(configBytes)
        diagnostics += configDiagnostics

        let content = readContent(&diagnostics)
        // Reading and parsing ten thousand documents is work for every core; those unchanged since the last build, none.
        let readAt = SourceStamp.now()
        let parsed = parallelMap(content.markdownPaths) {
            path -> (document: SourceDocument?, entry: ParsedSources.Entry?, diagnostics: [Diagnostic], read: Bool) in
            // Stamped before reading: a file changed in between shows a new stamp next time.
            let stamp = fileSystem.stamp(of: resolve(path))
            if let entry = known?.unchanged(path, stamp: stamp) { return (entry.document, entry, entry.diagnostics, false) }
            var problems: [Diagnostic] = []
            guard let bytes = read(path, &problems) else { return (nil, nil, problems, true) }
            let (document, found) = DocumentParser.parse(bytes, path: path)
            guard let document else { return (nil, nil, problems + found, true) }
            return (document, stamp.map { ParsedSources.Entry(stamp: $0, document: document, diagnostics: found) }, problems + found, true)
        }
        let documents = parsed.compactMap(\.document)
        diagnostics += parsed.flatMap(\.diagnostics)
        let table = ParsedSources(
            readAt: readAt, entries: Dictionary(uniqueKeysWithValues: parsed.compactMap { $0.entry.map { ($0.document.path, $0) } }))

        let theme = readTheme(&diagnostics)
        var source = PortalSource(
            config: config, configFingerprint: Fingerprint(configBytes), documents: documents, contentFiles: content.contentFiles,
            templates: theme.templates, assets: theme.assets, dataFiles: content.dataFiles)
        source.parsed = table
        source.documentsRead = parsed.count { $0.read }
        return (source, diagnostics)
    }

    /// The Markdown text of documents an earlier build parsed (`load(parsed:)` left it out), read again now that it is
    /// needed. A file whose bytes are no longer those parsed (`contents`) is an error: it changed while the portal was
    /// built, and its front matter as parsed may no longer be its own.
    package func texts(of documents: [SourceDocument]) -> (texts: [String: String], diagnostics: [Diagnostic]) {
        let results = parallelMap(documents) { source -> (String?, [Diagnostic]) in
            var problems: [Diagnostic] = []
            guard let bytes = read(source.path, &problems) else { return (nil, problems) }
            guard Fingerprint(bytes) == source.contents, let document = DocumentParser.parse(bytes, path: source.path).0 else {
                return (nil, [.error(SourceLocation(path: source.path), "the file changed while the portal was built; build again")])
            }
            return (document.markdown, [])
        }
        var texts: [String: String] = [:]
        for (source, (text, _)) in zip(documents, results) { texts[source.path] = text }
        return (texts, results.flatMap(\.1))
    }

    /// Sorts `content/` into the Markdown to parse, the other files to copy and the data files' bytes, skipping
    /// hidden files and folders.
    private func readContent(_ diagnostics: inout [Diagnostic]) -> (markdownPaths: [String], contentFiles: [String], dataFiles: [String: [UInt8]]) {
        var markdownPaths: [String] = []
        var contentFiles: [String] = []
        var dataFiles: [String: [UInt8]] = [:]
        for relative in listing("content", &diagnostics) {
            let path = "content/" + relative
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if relative.hasPrefix("data/") {
                let name = String(relative.dropFirst("data/".count))
                if name.hasSuffix(".json"), !name.contains("/"), let bytes = read(path, &diagnostics) { dataFiles[name] = bytes }
                continue
            }
            guard relative.hasSuffix(".md") else {
                contentFiles.append(path)
                continue
            }
            markdownPaths.append(path)
        }
        return (markdownPaths, contentFiles, dataFiles)
    }

    /// The built-in theme with the portal's `templates/` laid over it, its assets sorted by output path.
    private func readTheme(_ diagnostics: inout [Diagnostic]) -> Theme {
        var templates = builtIn.templates
        var assets = builtIn.assets
        var overridden: [String: String] = [:]
        for relative in listing("templates", &diagnostics) where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            let path = "templates/" + relative
            if relative.hasPrefix("assets/") {
                assets.removeAll { $0.outputPath == relative }
                assets.append(AssetSource(outputPath: relative, origin: .file(resolve(path))))
            } else if relative.hasSuffix(".mustache") {
                guard let bytes = read(path, &diagnostics) else { continue }
                switch TextDecoding.decode(bytes, path: path) {
                case .success(let text):
                    // Named by file name alone: Mustache closing tags cannot hold '/', so `{{<base}}...{{/base}}`.
                    let name = String(relative.split(separator: "/").last?.dropLast(".mustache".count) ?? "")
                    if let other = overridden[name] {
                        diagnostics.append(
                            .error(
                                SourceLocation(path: path), "two templates are named '\(name)'; template names must be unique across folders",
                                notes: [.init(SourceLocation(path: other), "the other template")]))
                    }
                    overridden[name] = path
                    templates[name] = TemplateSource(name: name, path: path, text: text)
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
        }
        assets.sort { $0.outputPath < $1.outputPath }
        return Theme(templates: templates, assets: assets)
    }

    private func listing(_ folder: String, _ diagnostics: inout [Diagnostic]) -> [String] {
        do {
            return try fileSystem.files(under: resolve(folder))
        } catch let error as SymlinkError {
            for path in error.paths {
                diagnostics.append(
                    .error(
                        SourceLocation(path: "\(folder)/\(path)"),
                        "symbolic links are not allowed in a portal: they could publish files from outside it"))
            }
        } catch {
            diagnostics.append(.error(SourceLocation(path: folder), "cannot list folder: \(error.localizedDescription)"))
        }
        return []
    }

    private func read(_ path: String, _ diagnostics: inout [Diagnostic]) -> [UInt8]? {
        do {
            if let bytes = try fileSystem.contents(of: resolve(path)) { return bytes }
            diagnostics.append(.error(SourceLocation(path: path), "file disappeared while reading the portal"))
        } catch {
            diagnostics.append(.error(SourceLocation(path: path), "cannot read file: \(error.localizedDescription)"))
        }
        return nil
    }
}
