/// A Mustache template as found in the theme, named by its file name without `.mustache`.
package struct TemplateSource: Sendable, Equatable {
    /// `base`, `lesson`, `toc`: unique across the theme's folders.
    package var name: String
    /// Where diagnostics point: `templates/pages/lesson.mustache`, or `(built-in theme)/pages/lesson.mustache`.
    package var path: String
    package var text: String

    package init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }
}

/// A file copied to the output unchanged.
package struct AssetSource: Sendable, Equatable {
    package enum Origin: Sendable, Equatable {
        /// A file on disk, copied by the writer (absolute or relative to the working directory).
        case file(String)
        /// Bytes built into the binary (the default theme's stylesheet).
        case bytes([UInt8])
    }
    /// Path in the output, relative to its root: `assets/site.css`, `library/training/onboarding/map.png`.
    package var outputPath: String
    package var origin: Origin

    package init(outputPath: String, origin: Origin) {
        self.outputPath = outputPath
        self.origin = origin
    }
}

/// Everything Load found in a portal folder, parsed and checked but not yet arranged.
package struct PortalSource: Sendable {
    package var config: SiteConfig
    /// Of `fieldbook.json`'s bytes, for cache keys.
    package var configFingerprint: Fingerprint
    package var documents: [SourceDocument]
    /// Files under `content/` that are not Markdown (images, PDFs), by path relative to the portal.
    package var contentFiles: [String]
    package var templates: [String: TemplateSource]
    package var assets: [AssetSource]
    /// Files of `content/data/` by name (`deals.json`), read but not yet parsed.
    package var dataFiles: [String: [UInt8]]
    /// The Markdown files as parsed, for the next build (`ParsedSources`; empty when the file system keeps no stamps).
    package var parsed: ParsedSources?
    /// How many Markdown files were read and parsed (the others were an earlier build's, unchanged on disk).
    package var documentsRead = 0

    package init(
        config: SiteConfig, configFingerprint: Fingerprint, documents: [SourceDocument], contentFiles: [String], templates: [String: TemplateSource],
        assets: [AssetSource], dataFiles: [String: [UInt8]]
    ) {
        self.config = config
        self.configFingerprint = configFingerprint
        self.documents = documents
        self.contentFiles = contentFiles
        self.templates = templates
        self.assets = assets
        self.dataFiles = dataFiles
    }

    /// Where a portal's performance data lives, relative to the portal.
    package static let dataFolder = "content/data"
}
