import FieldbookLoad
import FieldbookModel
import FieldbookSeal
import FieldbookWrite

/// `fieldbook keys`: every reader of an encrypted portal with their personal link, and a new key for one of them.
extension Pipeline {
    /// One reader's row: `reader,name,role,link`.
    package struct ReaderLink: Sendable, Equatable {
        package var reader: String
        package var name: String
        package var role: String
        /// Their start page, with their key in the fragment (`#key=…`), which browsers never send to a server.
        package var link: String
    }

    /// Every reader of the portal at `options.portal` with their link under `baseURL` (or the portal's), and warnings
    /// (readers left out: no key in `FIELDBOOK_KEYS`). Readers without a key get one first, saved to the keys file
    /// (which the first call makes), as a build would.
    package static func readerLinks(
        _ options: BuildOptions, baseURL: String?, fileSystem: any FileSystem = DiskFileSystem()
    ) throws(DiagnosticsError)
        -> (links: [ReaderLink], warnings: [Diagnostic])
    {
        let (config, team, keys) = try accessInputs(options, fileSystem)
        var diagnostics: [Diagnostic] = []
        guard let (sealer, saved) = sealer(keys, team: team, settings: config.access, &diagnostics) else { return ([], diagnostics) }
        try saveKeys(saved)
        let base = baseURL.map(SiteConfig.normalizedBaseURL) ?? config.baseURL
        let links = sealer.policy.readers.compactMap { reader -> ReaderLink? in
            guard let key = saved.ring.readers[reader.id] else { return nil }
            return ReaderLink(
                reader: reader.id, name: reader.name, role: reader.roles.map(\.rawValue).joined(separator: "; "),
                link: base + reader.home + "#key=" + Base64URL.encode(key))
        }
        return (links, diagnostics)
    }

    /// Replaces reader `id`'s key in the keys file: the next build seals every file anew, and their old link opens
    /// nothing. Keys from `FIELDBOOK_KEYS` cannot be rotated here (rotate them where they are kept).
    package static func rotateKey(of id: String, _ options: BuildOptions, fileSystem: any FileSystem = DiskFileSystem()) throws(DiagnosticsError) {
        let (config, team, keys) = try accessInputs(options, fileSystem)
        guard var keys, keys.file != nil else {
            throw DiagnosticsError([
                .error(SourceLocation(path: BuildOptions.keysVariable), "keys from \(BuildOptions.keysVariable) cannot be rotated here")
            ])
        }
        let policy = AccessPolicy(team: team, settings: config.access)
        guard policy.readers.contains(where: { $0.id == id }) else {
            throw DiagnosticsError([.error(SourceLocation(path: "content/data/team.json"), "no reader \"\(id)\" (a rep, a manager or an admin)")])
        }
        keys.ring.readers[id] = KeyRing.randomKey()
        keys.added = [id]  // what `saveKeys` saves for
        try saveKeys(keys)
    }

    /// fieldbook.json, the team and the keys of an encrypted portal; an error for an open one.
    private static func accessInputs(
        _ options: BuildOptions, _ fileSystem: any FileSystem
    ) throws(DiagnosticsError) -> (SiteConfig, Team, LoadedKeys?) {
        var diagnostics: [Diagnostic] = []
        guard let source = load(options, fileSystem, &diagnostics), !diagnostics.hasErrors else { throw DiagnosticsError(diagnostics) }
        let config = source.portal.config
        guard config.access.encrypted else {
            throw DiagnosticsError([
                .error(SourceLocation(path: ConfigParser.path), "this portal is open: set \"access\": {\"mode\": \"encrypted\"} first")
            ])
        }
        let (data, dataDiagnostics) = DataLoader().load(source.portal.dataFiles.filter { $0.key == "team.json" })
        guard let team = data?.team, !dataDiagnostics.hasErrors else {
            throw DiagnosticsError(
                dataDiagnostics.hasErrors
                    ? dataDiagnostics : [.error(SourceLocation(path: "content/data/team.json"), "an encrypted portal needs its team")])
        }
        return (config, team, source.keys)
    }
}
