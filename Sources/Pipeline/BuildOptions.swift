import FieldbookIncremental
import Foundation

/// What `fieldbook build` was asked to do.
public struct BuildOptions: Sendable {
    /// The portal folder (holding `fieldbook.json`).
    public var portal: String
    /// The output folder; `<portal>/public` when nil.
    public var output: String?
    /// Replaces `baseURL` from `fieldbook.json`, e.g. for a preview deploy.
    public var baseURL: String?
    /// Publishes documents marked `"draft": true`.
    public var includeDrafts: Bool
    /// Turns every warning into an error.
    public var strict: Bool
    /// Where the build cache lives (`BuildCache`); nil builds without one.
    public var cacheFolder: String?
    /// Renders everything anew, ignoring the cache (which is then refreshed).
    public var clean: Bool

    public init(
        portal: String = ".", output: String? = nil, baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false,
        cacheFolder: String? = nil, clean: Bool = false
    ) {
        self.portal = portal
        self.output = output
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.cacheFolder = cacheFolder
        self.clean = clean
    }

    /// The cache folder the command line uses: `.fieldbook/cache` in the portal.
    public static func defaultCacheFolder(portal: String) -> String {
        portal == "." ? BuildCache.defaultFolder : portal + "/" + BuildCache.defaultFolder
    }

    public var outputPath: String { output ?? (portal == "." ? "public" : portal + "/public") }
}
