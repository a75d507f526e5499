/// `fieldbook.json` `access`: who can read the figures on a static host (docs/security.md).
///
/// `open` (the default) publishes every page as it is. `encrypted` encrypts the private pages and API files at build
/// time, each for the readers allowed to open it, and the team's open pages carry aggregates only.
package struct AccessSettings: Sendable, Equatable {
    package enum Mode: String, Sendable, CaseIterable {
        case open
        case encrypted
    }

    /// Parts of the portal that are private in encrypted mode unless listed in `access.open`.
    package enum Section: String, Sendable, CaseIterable {
        /// Region pages (each period's and its deals pages): their lead's otherwise.
        case regions
        /// Manager pages: the manager's and their region lead's otherwise.
        case managers
        /// `/reports/<period>/`: the admins' otherwise (they name who moved and who is behind).
        case reports
    }

    package var mode: Mode = .open
    /// Reader ids (reps, managers or anyone else) who can open every private page.
    package var admins: [String] = []
    /// Sections left open in encrypted mode.
    package var open: Set<Section> = []
    /// The keys file, relative to the portal folder (the `FIELDBOOK_KEYS` environment variable overrides it).
    package var keysFile = ".fieldbook/keys.json"

    package var encrypted: Bool { mode == .encrypted }

    package init() {}
}
