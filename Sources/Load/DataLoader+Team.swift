import FieldbookModel

/// Reading team.json: regions, managers and reps, each id unique and each reference known.
extension DataLoader {
    func readTeam(_ root: JSONNode, _ file: inout DataFileReader, _ context: inout Context) {
        guard var top = file.members(root, "team").map({ RecordFields(node: root, jsonPath: "team", members: $0) }) else { return }
        let regionManagers = readRegions(top.member("regions"), &file, &context)
        readManagers(top.member("managers"), &file, &context)
        // Managers name their region, so regions are read first and a region's manager is checked once all are known.
        for (index, manager, node, path) in regionManagers where !context.managerIds.contains(manager) {
            file.error(node, "\(path).manager", "unknown manager \"\(manager)\"")
            context.team.regions[index].manager = nil
        }
        guard let repsNode = top.member("reps") else {
            file.error(root, "team", "missing \"reps\"")
            return
        }
        readReps(repsNode, &file, &context)
        top.warnUnknownKeys(in: &file)
    }

    /// The ids already used in one list of team.json, each with the path of its first use.
    private struct FirstUses {
        private var seen: [String: String] = [:]

        /// Whether `id` is new to the list; a repeat is reported at `node`.
        mutating func claim(_ id: String, _ path: String, _ node: JSONNode, _ file: inout DataFileReader) -> Bool {
            if let first = seen[id] {
                file.error(node, path, "duplicate id \"\(id)\" (first used at \(first))")
                return false
            }
            seen[id] = path
            return true
        }
    }

    /// Reads the regions into `context`; returns each region's manager (region index, manager id, node and path) to
    /// check once the managers are read.
    private func readRegions(_ list: JSONNode?, _ file: inout DataFileReader, _ context: inout Context) -> [(Int, String, JSONNode, String)] {
        var ids = FirstUses()
        var regionManagers: [(Int, String, JSONNode, String)] = []
        for (node, path) in list.map({ file.array($0, "regions") }) ?? [] {
            guard let members = file.members(node, path) else { continue }
            var fields = RecordFields(node: node, jsonPath: path, members: members)
            guard let id = fields.id("id", required: true, in: &file), ids.claim(id, path, node, &file) else { continue }
            let name = fields.string("name", required: true, in: &file) ?? id
            let manager = fields.id("manager", in: &file)
            if let manager { regionManagers.append((context.team.regions.count, manager, fields.at("manager"), path)) }
            context.team.regions.append(Region(id: id, name: name, manager: manager, timezone: fields.string("timezone", in: &file)))
            fields.warnUnknownKeys(in: &file)
        }
        return regionManagers
    }

    private func readManagers(_ list: JSONNode?, _ file: inout DataFileReader, _ context: inout Context) {
        var ids = FirstUses()
        for (node, path) in list.map({ file.array($0, "managers") }) ?? [] {
            guard let members = file.members(node, path) else { continue }
            var fields = RecordFields(node: node, jsonPath: path, members: members)
            guard let id = fields.id("id", required: true, in: &file), ids.claim(id, path, node, &file) else { continue }
            let name = fields.string("name", required: true, in: &file) ?? id
            var region = fields.id("region", in: &file)
            if let known = region, !context.regionIds.contains(known) {
                file.error(fields.at("region"), "\(path).region", "unknown region \"\(known)\"")
                region = nil
            }
            context.team.managers.append(Manager(id: id, name: name, region: region))
            fields.warnUnknownKeys(in: &file)
        }
    }

    private func readReps(_ list: JSONNode, _ file: inout DataFileReader, _ context: inout Context) {
        var ids = FirstUses()
        for (node, path) in file.array(list, "reps") {
            guard let members = file.members(node, path) else { continue }
            var fields = RecordFields(node: node, jsonPath: path, members: members)
            guard let id = fields.id("id", required: true, in: &file), ids.claim(id, path, node, &file) else { continue }
            let name = fields.string("name", required: true, in: &file) ?? id
            guard let region = fields.id("region", required: true, in: &file) else { continue }
            guard context.regionIds.contains(region) else {
                file.error(fields.at("region"), "\(path).region", "unknown region \"\(region)\"")
                continue
            }
            var manager = fields.id("manager", in: &file)
            if let known = manager, !context.managerIds.contains(known) {
                file.error(fields.at("manager"), "\(path).manager", "unknown manager \"\(known)\"")
                manager = nil
            }
            var rep = Rep(
                id: id, name: name, region: region, manager: manager, title: fields.string("title", in: &file),
                started: fields.day("started", in: &file), email: fields.string("email", in: &file))
            if let weight = fields.number("weight", in: &file) {
                if weight > 0 && weight <= 1000 {
                    rep.weight = weight
                } else {
                    file.error(fields.at("weight"), "\(path).weight", "must be a positive number up to 1000, found \(weight)")
                }
            }
            context.team.reps.append(rep)
            fields.warnUnknownKeys(in: &file)
        }
    }
}
