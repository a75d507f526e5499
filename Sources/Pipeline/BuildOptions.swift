import FieldbookIncremental
import Foundation

/// What `fieldbook build` was asked to do.
package struct BuildOptions: Sendable {
    /// The portal folder (holding `fieldbook.json`).
    package var portal: String
    /// The output folder; `<portal>/public` when nil.
    package var output: String?
    /// Replaces `baseURL` from `fieldbook.json`, e.g. for a preview deploy.
    package var baseURL: String?
    /// Publishes documents marked `"draft": true`.
    package var includeDrafts: Bool
    /// Turns every warning into an error.
    package var strict: Bool
    /// Where the build cache lives (`BuildCache`); nil builds without one.
    package var cacheFolder: String?
    /// Renders everything anew, ignoring the cache (which is then refreshed).
    package var clean: Bool
    /// An encrypted portal's keys from `FIELDBOOK_KEYS`: the keys file's text (starting with `{`) or its path,
    /// instead of `access.keysFile` (docs/security.md).
    package var keys: String?

    /// The environment variable the command line reads `keys` from.
    package static let keysVariable = "FIELDBOOK_KEYS"

    package init(
        portal: String = ".", output: String? = nil, baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false,
        cacheFolder: String? = nil, clean: Bool = false, keys: String? = nil
    ) {
        self.portal = portal
        self.output = output
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.cacheFolder = cacheFolder
        self.clean = clean
        self.keys = keys
    }

    /// The cache folder the command line uses: `.fieldbook/cache` in the portal.
    package static func defaultCacheFolder(portal: String) -> String {
        portal == "." ? BuildCache.defaultFolder : portal + "/" + BuildCache.defaultFolder
    }

    package var outputPath: String { output ?? (portal == "." ? "public" : portal + "/public") }
}
