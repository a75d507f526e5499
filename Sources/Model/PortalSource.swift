/// A Mustache template as found in the theme, named by its file name without `.mustache`.
public struct TemplateSource: Sendable, Equatable {
    /// `base`, `lesson`, `toc`: unique across the theme's folders.
    public var name: String
    /// Where diagnostics point: `templates/pages/lesson.mustache`, or `(built-in theme)/pages/lesson.mustache`.
    public var path: String
    public var text: String

    package init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }
}

/// A file copied to the output unchanged.
public struct AssetSource: Sendable, Equatable {
    public enum Origin: Sendable, Equatable {
        /// A file on disk, copied by the writer (absolute or relative to the working directory).
        case file(String)
        /// Bytes built into the binary (the default theme's stylesheet).
        case bytes([UInt8])
    }
    /// Path in the output, relative to its root: `assets/site.css`, `library/training/onboarding/map.png`.
    public var outputPath: String
    public var origin: Origin

    package init(outputPath: String, origin: Origin) {
        self.outputPath = outputPath
        self.origin = origin
    }
}

/// Everything Load found in a portal folder, parsed and checked but not yet arranged.
public struct PortalSource: Sendable {
    public var config: SiteConfig
    /// Of `fieldbook.json`'s bytes, for cache keys.
    public var configFingerprint: Fingerprint
    public var documents: [SourceDocument]
    /// Files under `content/` that are not Markdown (images, PDFs), by path relative to the portal.
    public var contentFiles: [String]
    public var templates: [String: TemplateSource]
    public var assets: [AssetSource]
    /// Files of `content/data/` by name (`deals.json`), read but not yet parsed.
    public var dataFiles: [String: [UInt8]]

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
    public static let dataFolder = "content/data"
}
