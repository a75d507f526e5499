import Testing

@testable import FieldbookModel
@testable import FieldbookSeal

/// Who opens what, hand-worked on a small team: EMEA led by Tomás (who manages Ana himself) with Dana managing
/// Ben; APAC led by Li, managing Chen. `ops` is an admin.
@Suite struct AccessPolicyTests {
    let team = Team(
        regions: [Region(id: "emea", name: "EMEA", manager: "tomas"), Region(id: "apac", name: "APAC", manager: "li")],
        managers: [
            Manager(id: "tomas", name: "Tomás", region: "emea"), Manager(id: "dana", name: "Dana", region: "emea"),
            Manager(id: "li", name: "Li", region: "apac"),
        ],
        reps: [
            Rep(id: "ana", name: "Ana", region: "emea"), Rep(id: "ben", name: "Ben", region: "emea", manager: "dana"),
            Rep(id: "chen", name: "Chen", region: "apac"),
        ])

    func policy(open: Set<AccessSettings.Section> = []) -> AccessPolicy {
        var settings = AccessSettings()
        settings.mode = .encrypted
        settings.admins = ["ops"]
        settings.open = open
        return AccessPolicy(team: team, settings: settings)
    }

    @Test func aRepsPagesAreTheirsTheirManagersTheirLeadsAndTheAdmins() {
        let policy = policy()
        // Ana has no manager of her own: the region's, Tomás, leads her, and leads the region too.
        #expect(policy.access("reps/ana/index.html") == .sealed(["ana", "ops", "tomas"]))
        #expect(policy.access("reps/ana/deals/index.html") == .sealed(["ana", "ops", "tomas"]))
        #expect(policy.access("api/reps/ana.json") == .sealed(["ana", "ops", "tomas"]))
        #expect(policy.access("reps/ben/index.html") == .sealed(["ben", "dana", "ops", "tomas"]))
        #expect(policy.access("api/reps/chen.json") == .sealed(["chen", "li", "ops"]))
        // Every rep in a list: the admins'.
        #expect(policy.access("reps/index.html") == .sealed(["ops"]))
        #expect(policy.access("api/reps.csv") == .dropped)
    }

    @Test func managerRegionTeamAndReportPages() {
        let policy = policy()
        #expect(policy.access("managers/dana/index.html") == .sealed(["dana", "ops", "tomas"]))
        #expect(policy.access("managers/dana/2025-Q3/deals/index.html") == .sealed(["dana", "ops", "tomas"]))
        #expect(policy.access("api/managers/li.json") == .sealed(["li", "ops"]))
        #expect(policy.access("regions/emea/2025-Q3/index.html") == .sealed(["ops", "tomas"]))
        #expect(policy.access("reports/2025-Q3/index.html") == .sealed(["ops"]))
        // The team's deals pages list every deal with its rep; its own pages carry aggregates and stay open.
        #expect(policy.access("deals/index.html") == .sealed(["ops"]))
        #expect(policy.access("team/2025-Q3/deals/index.html") == .sealed(["ops"]))
        #expect(policy.access("team/2025-Q3/index.html") == .open)
        for path in ["index.html", "api/team.json", "api/regions/emea.json", "library/index.html", "search/index.json", "feed.xml", "sitemap.xml"] {
            #expect(policy.access(path) == .open, "\(path)")
        }
        // Unknown ids (a page of someone gone from the team) are the admins'.
        #expect(policy.access("reps/gone/index.html") == .sealed(["ops"]))
    }

    @Test func sectionsCanBeLeftOpen() {
        let policy = policy(open: [.regions, .reports])
        #expect(policy.access("regions/emea/index.html") == .open)
        #expect(policy.access("reports/2025-Q3/index.html") == .open)
        #expect(policy.access("managers/dana/index.html") == .sealed(["dana", "ops", "tomas"]))
        #expect(self.policy(open: [.managers]).access("api/managers/li.json") == .open)
    }

    @Test func everyReaderWithTheirRolesAndStartPage() {
        let readers = policy().readers
        #expect(readers.map(\.id) == ["ana", "ben", "chen", "tomas", "dana", "li", "ops"])
        #expect(readers.first { $0.id == "tomas" }?.roles == [.manager, .lead])
        #expect(readers.first { $0.id == "dana" }?.roles == [.manager])
        #expect(readers.first { $0.id == "ana" }?.home == "reps/ana/")
        #expect(readers.first { $0.id == "li" }?.home == "managers/li/")
        #expect(readers.last == AccessPolicy.Reader(id: "ops", name: "ops", roles: [.admin], home: ""))
    }
}
