import FieldbookLoad
import FieldbookModel
import FieldbookRender
import FieldbookSeal
import FieldbookWrite
import Foundation

/// An encrypted portal's keys, as Load found them (`access.mode: "encrypted"`).
package struct LoadedKeys: Sendable {
    package var ring: KeyRing
    /// Where keys for new readers are saved: the keys file; nil when `FIELDBOOK_KEYS` holds the keys themselves.
    package var file: String?
    /// How diagnostics name where the keys came from: the file's path, or `FIELDBOOK_KEYS`.
    package var origin: String
    /// Readers given a key by this build (the first build makes the file), to be saved before the output is.
    package var added: [String] = []
}

extension Pipeline {
    /// The keys of an encrypted portal: `FIELDBOOK_KEYS` (`options.keys`: the keys file's text, or its path) or
    /// `access.keysFile`; a new ring, with its random secret, when there is no file yet. Nil for an open portal, or
    /// with errors when the keys cannot be read.
    static func loadKeys(
        _ config: SiteConfig, _ options: BuildOptions, _ fileSystem: any FileSystem, _ diagnostics: inout [Diagnostic]
    )
        -> LoadedKeys?
    {
        guard config.access.encrypted else { return nil }
        if let value = options.keys, value.hasPrefix("{") {
            let (ring, problems) = KeyRingParser.parse(Array(value.utf8), path: BuildOptions.keysVariable)
            diagnostics += problems
            return ring.map { LoadedKeys(ring: $0, file: nil, origin: BuildOptions.keysVariable) }
        }
        let file = config.access.keysFile
        let path = options.keys ?? (file.hasPrefix("/") || options.portal.isEmpty ? file : options.portal + "/" + file)
        let shown = options.keys ?? config.access.keysFile
        let read: [UInt8]?
        do {
            read = try fileSystem.contents(of: path)
        } catch {
            // Never a new ring in its place: saving it would lock every reader out.
            diagnostics.append(.error(SourceLocation(path: shown), "cannot read the keys file: \(error)"))
            return nil
        }
        guard let bytes = read else {
            if options.keys != nil { diagnostics.append(.error(SourceLocation(path: shown), "\(BuildOptions.keysVariable) names no keys file")) }
            return options.keys != nil ? nil : LoadedKeys(ring: .random(), file: path, origin: shown)
        }
        let (ring, problems) = KeyRingParser.parse(bytes, path: shown)
        diagnostics += problems
        return ring.map { LoadedKeys(ring: $0, file: path, origin: shown) }
    }

    /// The sealer of an encrypted portal's private files, once the team is known: readers without a key get one when
    /// the keys come from a file (saved before the output, `saveKeys`); with keys from `FIELDBOOK_KEYS` they cannot,
    /// and their files are sealed for the others allowed to open them (a warning says who).
    static func sealer(_ keys: LoadedKeys?, team: Team, settings: AccessSettings, _ diagnostics: inout [Diagnostic]) -> (Sealer, LoadedKeys)? {
        guard var keys else { return nil }
        let policy = AccessPolicy(team: team, settings: settings)
        if keys.file != nil { (keys.ring, keys.added) = keys.ring.adding(policy.readers.map(\.id)) }
        let sealer = Sealer(policy: policy, ring: keys.ring)
        let missing = sealer.readersWithoutKeys
        if !missing.isEmpty {
            let named = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? " and \(missing.count - 5) more" : "")
            diagnostics.append(
                .warning(
                    SourceLocation(path: keys.origin),
                    "\(missing.count) reader\(missing.count == 1 ? " has" : "s have") no key (\(named)): their pages are encrypted for their managers, region leads and admins only; add keys with `fieldbook keys` and update the secret"
                ))
        }
        return (sealer, keys)
    }

    /// Saves the keys file when this build gave readers keys: before the output that needs them is swapped in.
    static func saveKeys(_ keys: LoadedKeys?) throws(DiagnosticsError) {
        guard let keys, let file = keys.file, !keys.added.isEmpty else { return }
        do throws(SiteWriter.WriteError) {
            try FileReplacer.replace(file, with: keys.ring.fileBytes, permissions: 0o600)
        } catch {
            throw DiagnosticsError([.error(SourceLocation(path: keys.origin), "cannot save the keys file: \(error.reason)")])
        }
    }

    /// The sealer with the open page its envelopes go into, rendered once through the theme's `pages/sealed.mustache`.
    static func sealedShell(_ sealer: Sealer, _ renderer: PageRenderer, _ diagnostics: inout [Diagnostic]) -> Sealer {
        var sealer = sealer
        let (shell, problems) = renderer.sealedShell()
        diagnostics += problems
        sealer.shell = shell.map { Sealer.Shell(prefix: $0.prefix, suffix: $0.suffix) }
        return sealer
    }

    /// Seals files on every core (an open file passes through; `api/reps.csv` is dropped).
    static func seal(_ files: [OutputFile], with sealer: Sealer?) -> [OutputFile] {
        guard let sealer else { return files }
        return parallelMap(files) { sealer.seal($0) }.compactMap { $0 }
    }
}
