import FieldbookModel

/// Importing the team: reps with their region and manager.
extension CRMImporter {
    /// `team.json` from a table of reps with their region and manager.
    package func team(from table: CSVTable) -> Result<Imported, DiagnosticsError> {
        let columns: [String: Int]
        switch resolve(Self.teamFields, in: table) {
        case .success(let found): columns = found
        case .failure(let error): return .failure(error)
        }
        var team = TeamRows()
        var diagnostics: [Diagnostic] = []
        for (index, row) in table.rows.enumerated() {
            let value = { (field: String) in Self.cell(row, columns[field]) }
            if let problem = team.add(value, at: table.location(ofRow: index)) { diagnostics.append(problem) }
        }
        guard !diagnostics.hasErrors else { return .failure(Self.limited(diagnostics, in: table)) }
        let (reps, regions, managers) = (team.reps.count, team.regions.count, team.managers.count)
        var report = Self.report(Self.teamFields, columns, in: table)
        report.summary =
            "\(reps) rep\(reps == 1 ? "" : "s") in \(regions) region\(regions == 1 ? "" : "s") with \(managers) manager\(managers == 1 ? "" : "s")"
        return .success(Imported(json: team.json.rendered, report: report))
    }
}

/// The team as its rows are read: reps in file order, regions and managers in the order they are first named. One
/// allocator gives every id, so no region, rep or manager shares one.
private struct TeamRows {
    var ids = SlugAllocator()
    var regions: [(id: String, name: String)] = []
    var managers: [(id: String, name: String, regions: Set<String>)] = []
    var reps: [JSONOutput] = []
    var regionIds: [String: String] = [:]
    var managerIndex: [String: Int] = [:]
    var regionManagers: [String: Set<String>] = [:]
    var repLines: [String: Int] = [:]

    /// Adds one row's rep, or says what is wrong with the row.
    mutating func add(_ value: (String) -> String?, at location: SourceLocation) -> Diagnostic? {
        guard let name = value("rep"), let regionName = value("region") else {
            return .error(location, "a rep needs a name and a region")
        }
        if let first = repLines[name] {
            return .error(location, "rep \"\(name)\" is listed twice (first on line \(first))")
        }
        repLines[name] = location.line
        let region = regionIds[regionName] ?? ids.id(for: regionName, kind: "region")
        if regionIds[regionName] == nil {
            regionIds[regionName] = region
            regions.append((region, regionName))
        }
        var fields: [(String, JSONOutput)] = [
            ("id", .string(ids.id(for: name, kind: "rep"))), ("name", .string(name)), ("region", .string(region)),
        ]
        if let managerName = value("manager") {
            let position = managerIndex[managerName] ?? managers.count
            if position == managers.count {
                managers.append((ids.id(for: managerName, kind: "manager"), managerName, []))
                managerIndex[managerName] = position
            }
            managers[position].regions.insert(region)
            regionManagers[region, default: []].insert(managers[position].id)
            fields.append(("manager", .string(managers[position].id)))
        }
        for field in ["title", "email"] { if let text = value(field) { fields.append((field, .string(text))) } }
        if let started = value("started") {
            guard let day = CRMImporter.day(started) else { return .error(location, "started: \"\(started)\" is not a date") }
            fields.append(("started", .string(day.description)))
        }
        reps.append(.object(fields))
        return nil
    }

    /// `team.json`: regions, managers and reps.
    var json: JSONOutput {
        // A region led by exactly one manager names them; with several, each rep names their own.
        var regionObjects: [JSONOutput] = []
        for (id, name) in regions {
            var fields: [(String, JSONOutput)] = [("id", .string(id)), ("name", .string(name))]
            if let leads = regionManagers[id], leads.count == 1, let lead = leads.first { fields.append(("manager", .string(lead))) }
            regionObjects.append(.object(fields))
        }
        var managerObjects: [JSONOutput] = []
        for manager in managers {
            var fields: [(String, JSONOutput)] = [("id", .string(manager.id)), ("name", .string(manager.name))]
            if manager.regions.count == 1, let region = manager.regions.first { fields.append(("region", .string(region))) }
            managerObjects.append(.object(fields))
        }
        return JSONOutput.object([("regions", .array(regionObjects)), ("managers", .array(managerObjects)), ("reps", .array(reps))])
    }
}
