import FieldbookModel

/// Who may open which file of an encrypted portal (`access.mode: "encrypted"`), from the team and `access`: a rep
/// their own scorecard and API file; a manager their reps' and their own pages; a region's lead (the region's
/// `manager`) the region's pages and everyone in it; admins everything. The library, search and the team's pages
/// (which then carry aggregates only) stay open, and so do the sections `access.open` lists.
package struct AccessPolicy: Sendable {
    /// What becomes of one file of the output.
    package enum Access: Sendable, Equatable {
        case open
        /// Encrypted for these readers (ids, sorted).
        case sealed([String])
        /// Not published: a file no browser could decrypt and use (`api/reps.csv`).
        case dropped
    }

    /// Someone who gets a key: what they are, and the page their link opens.
    package struct Reader: Sendable, Equatable {
        package enum Role: String, Sendable {
            case rep, manager
            case lead = "region lead"
            case admin
        }
        package var id: String
        package var name: String
        package var roles: [Role]
        /// Output path of their start page: their scorecard, manager page, region page, or the home page.
        package var home: String
    }

    package let settings: AccessSettings
    /// Every reader, in the team's order (reps, then managers, then admins who are neither).
    package let readers: [Reader]
    private let repReaders: [String: [String]]
    private let managerReaders: [String: [String]]
    private let regionReaders: [String: [String]]
    private let admins: [String]

    package init(team: Team, settings: AccessSettings) {
        self.settings = settings
        admins = Array(Set(settings.admins)).sorted()
        var leads: [String: [String]] = [:]  // manager id → regions they lead
        for region in team.regions { if let lead = region.manager { leads[lead, default: []].append(region.id) } }
        func allowed(_ ids: [String?]) -> [String] { Array(Set(ids.compactMap { $0 } + settings.admins)).sorted() }
        let leadOf = Dictionary(team.regions.compactMap { region in region.manager.map { (region.id, $0) } }, uniquingKeysWith: { first, _ in first })
        regionReaders = Dictionary(team.regions.map { ($0.id, allowed([leadOf[$0.id]])) }, uniquingKeysWith: { first, _ in first })
        managerReaders = Dictionary(
            team.managers.map { ($0.id, allowed([$0.id, $0.region.flatMap { leadOf[$0] }])) }, uniquingKeysWith: { first, _ in first })
        repReaders = Dictionary(
            team.reps.map { ($0.id, allowed([$0.id, team.manager(of: $0), leadOf[$0.region]])) }, uniquingKeysWith: { first, _ in first })
        var readers = team.reps.map { Reader(id: $0.id, name: $0.name, roles: [.rep], home: "reps/\($0.id)/") }
        for manager in team.managers {
            let led = leads[manager.id] ?? []
            readers.append(
                Reader(id: manager.id, name: manager.name, roles: [.manager] + (led.isEmpty ? [] : [.lead]), home: "managers/\(manager.id)/"))
        }
        for admin in admins {
            if let index = readers.firstIndex(where: { $0.id == admin }) {
                readers[index].roles.append(.admin)
            } else {
                readers.append(Reader(id: admin, name: admin, roles: [.admin], home: ""))
            }
        }
        self.readers = readers
    }

    /// What becomes of the file at `path` (relative to the output's root).
    package func access(_ path: String) -> Access {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        func entity(_ table: [String: [String]], _ id: String, open section: AccessSettings.Section?) -> Access {
            if let section, settings.open.contains(section) { return .open }
            return .sealed(table[id] ?? admins)
        }
        switch parts.first {
        case "reps" where parts.count > 2: return entity(repReaders, parts[1], open: nil)
        case "reps": return .sealed(admins)
        case "managers" where parts.count > 2: return entity(managerReaders, parts[1], open: .managers)
        case "regions" where parts.count > 2: return entity(regionReaders, parts[1], open: .regions)
        case "reports": return settings.open.contains(.reports) ? .open : .sealed(admins)
        // The team's deals pages list every deal with its rep: the admins'.
        case "deals": return .sealed(admins)
        case "team" where parts.count > 3 && parts[2] == "deals": return .sealed(admins)
        case "api" where parts.count == 3 && parts[1] == "reps": return entity(repReaders, String(parts[2].dropLast(".json".count)), open: nil)
        case "api" where parts.count == 3 && parts[1] == "managers":
            return entity(managerReaders, String(parts[2].dropLast(".json".count)), open: .managers)
        case "api" where path == "api/reps.csv": return .dropped
        default: return .open
        }
    }
}
