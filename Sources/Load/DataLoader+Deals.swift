import FieldbookModel

/// Reading deals.json (and a warehouse's extract.json, deals too): each record checked on its own, on two cores, clean
/// records straight from their bytes.
extension DataLoader {
    /// `records` names them in diagnostics: `deals[311]`, `extract[311]`.
    func readDeals(_ bytes: [UInt8], _ file: inout DataFileReader, _ context: inout Context, records: String = "deals") {
        let reps = Set(context.team.reps.map(\.id))
        // Each deal is checked on its own, on two cores; whether its id came earlier is decided after, in file order.
        let openStages = openStages
        var parts = file.mapRecords(bytes, records, scanning: { Self.scanDeal(&$0, reps: reps, openStages: openStages) }) { file, node, path in
            checkDeal(node, path, reps: reps, &file)
        }
        let count = parts.reduce(0) { $0 + $1.count }
        var seen: [String: Int] = [:]
        seen.reserveCapacity(count)
        context.deals.reserveCapacity(count)
        var unknownStages: [UnknownStage] = []
        defer { reportUnknownStages(unknownStages, &file) }
        var index = 0
        for part in parts.indices {
            for record in parts[part].indices {
                defer { index += 1 }
                if let (id, node) = parts[part][record].0.id {
                    if let first = seen[id] {
                        // A repeated id is the only thing said about the record: the rest of its check is dropped with it.
                        file.error(node, "\(records)[\(index)].id", "duplicate deal id \"\(id)\" (first at \(records)[\(first)])")
                        continue
                    }
                    seen[id] = index
                }
                file.append(parts[part][record].1)
                if let unknown = parts[part][record].0.unknownStage { unknownStages.append(unknown) }
                // Taken out, not copied: a million deals.
                if let deal = parts[part][record].0.deal.take() { context.deals.append(deal) }
            }
            parts[part] = []  // what is left of this half (ids, nodes) goes now, not after the other half
        }
    }

    /// One deal record, checked on its own: its id (with the node, to point at a repeat) once it is a valid one, and
    /// the deal when every check passed.
    struct CheckedDeal: Sendable {
        var id: (String, JSONNode)?
        var deal: Deal?
        var unknownStage: UnknownStage?
    }

    /// A deal whose stage is neither won, lost nor one of `pipeline.stages`.
    struct UnknownStage: Sendable {
        var stage: String
        var node: JSONNode
        var jsonPath: String
    }

    /// One error per unknown stage, at its first deal, with how many deals have it.
    private func reportUnknownStages(_ found: [UnknownStage], _ file: inout DataFileReader) {
        guard let open = openStages, !found.isEmpty else { return }
        let known = ["won", "lost"] + open.sorted()
        for (unknown, count) in found.firstOfEach(by: \.stage) {
            let others = count == 1 ? "" : " (\(count) deals; this is the first)"
            file.error(
                unknown.node, unknown.jsonPath,
                "unknown stage \"\(unknown.stage)\"\(Suggestion.hint(for: unknown.stage, in: known))\(others): a deal's stage is won, lost "
                    + "or one of pipeline.stages in fieldbook.json (\(known.joined(separator: ", "))); add an open stage there with its probability")
        }
    }

    /// The keys of a deal record, in `DealKey` order.
    private static let dealKeys = [
        "id", "rep", "stage", "account", "product", "created", "closed", "expected_close", "amount", "amount_estimated", "probability",
    ]
    .map { Array($0.utf8) }
    private enum DealKey: Int { case id, rep, stage, account, product, created, closed, expectedClose, amount, amountEstimated, probability }

    /// A deal record read straight from its bytes, with no tree and no `String` for what is only checked: the deal,
    /// when `checkDeal` would take the record as it is and report nothing; otherwise nil, and `checkDeal` reads the
    /// record and says what is wrong with it. Any key `checkDeal` does not read, any value of another type and any
    /// rule it would report on sends the record there. (`DealScanTests` holds the two to the same results.)
    static func scanDeal(_ json: inout JSONReader, reps: Set<String>, openStages: Set<String>?) -> CheckedDeal? {
        // Filled in place: an id, rep or stage left empty is refused below, as `checkDeal` refuses a missing one.
        var deal = Deal(id: "", rep: "", stage: "")
        var (estimated, idOffset, seen): (Bool?, Int, Int) = (nil, 0, 0)
        let start = json.index
        let scanned = json.readScalarMembers { key, value, offset in
            guard let index = dealKeys.firstIndex(where: { $0.elementsEqual(key) }), seen & 1 << index == 0, let field = DealKey(rawValue: index)
            else {
                return false
            }
            seen |= 1 << index
            // Each case takes a value `checkDeal` would take without a word; anything else sends the record there.
            switch (field, value) {
            case (_, .null): break  // as if absent, as `RecordFields.member` reads it
            case (.id, .string(let value)):
                deal.id = value
                idOffset = offset
            case (.rep, .string(let value)): deal.rep = value
            case (.stage, .string(let value)): deal.stage = value.lowercased()
            case (.account, .string(let value)): deal.account = value
            case (.product, .string(let value)): deal.product = value
            case (.created, .string(let value)), (.closed, .string(let value)), (.expectedClose, .string(let value)):
                guard let day = Day(value) else { return false }  // not a real date: `checkDeal` says so
                switch field {
                case .created: deal.created = day
                case .closed: deal.closed = day
                default: deal.expectedClose = day
                }
            case (.amount, .number(let value)) where value >= 0 && value <= 1e15: deal.amount = Cents((value * 100).rounded())
            case (.probability, .number(let value)) where (0...1).contains(value): deal.probability = value
            case (.amountEstimated, .bool(let value)): estimated = value
            default: return false
            }
            return true
        }
        deal.amountEstimated = estimated ?? false
        // The rest of `checkDeal`'s rules, each one that would report something sending the record back.
        let closing = deal.isWon || deal.isLost
        guard scanned, !deal.id.isEmpty, Slug.isValid(deal.rep), reps.contains(deal.rep), !deal.stage.isEmpty,
            openStages.map({ closing || $0.contains(deal.stage) }) ?? true,
            estimated != true || (deal.amount != nil && !closing), !deal.isWon || deal.amount != nil, !closing || deal.closed != nil,
            deal.created.flatMap({ created in deal.closed.map { $0 >= created } }) ?? true
        else {
            json.index = start
            return nil
        }
        return CheckedDeal(id: (deal.id, JSONNode(.string(deal.id), offset: idOffset)), deal: deal)
    }

    func checkDeal(_ node: JSONNode, _ path: String, reps: Set<String>, _ file: inout DataFileReader) -> CheckedDeal {
        guard let members = file.members(node, path) else { return CheckedDeal() }
        var fields = RecordFields(node: node, jsonPath: path, members: members)
        guard let id = fields.string("id", required: true, in: &file), !id.isEmpty else { return CheckedDeal() }
        var result = CheckedDeal(id: (id, fields.at("id")))
        guard let rep = fields.id("rep", required: true, in: &file) else { return result }
        guard reps.contains(rep) else {
            file.error(fields.at("rep"), "\(path).rep", "unknown rep \"\(rep)\"")
            return result
        }
        guard let stage = fields.string("stage", required: true, in: &file)?.lowercased(), !stage.isEmpty else { return result }
        if let open = openStages, stage != "won", stage != "lost", !open.contains(stage) {
            // Reported once per stage, after all deals are read: a stage missing from the settings is one mistake.
            result.unknownStage = UnknownStage(stage: stage, node: fields.at("stage"), jsonPath: "\(path).stage")
            return result
        }
        var deal = Deal(
            id: id, rep: rep, account: fields.string("account", in: &file), product: fields.string("product", in: &file), stage: stage,
            amount: nil, created: fields.day("created", in: &file), closed: fields.day("closed", in: &file),
            expectedClose: fields.day("expected_close", in: &file), probability: nil)
        Self.readAmountAndProbability(&fields, into: &deal, path, &file)
        if deal.isWon, deal.amount == nil, fields.member("amount") == nil {
            // Revenue would silently count it as nothing; a won deal worth nothing says `"amount": 0`.
            file.error(node, path, "won deal \"\(id)\" has no \"amount\"")
            return result
        }
        if (deal.isWon || deal.isLost), deal.closed == nil, fields.member("closed") == nil {
            file.error(node, path, "\(stage) deal \"\(id)\" has no \"closed\" date")
            return result
        }
        if let created = deal.created, let closed = deal.closed, closed < created {
            file.error(fields.at("closed"), "\(path).closed", "\(closed) is before the deal was created (\(created))")
            return result
        }
        fields.warnUnknownKeys(in: &file)
        result.deal = deal
        return result
    }

    /// A deal's amount, whether it is estimated, and its probability: an amount or probability out of range is reported
    /// and left unset.
    private static func readAmountAndProbability(_ fields: inout RecordFields, into deal: inout Deal, _ path: String, _ file: inout DataFileReader) {
        if let amount = fields.number("amount", in: &file) {
            if amount < 0 {
                file.error(fields.at("amount"), "\(path).amount", "must not be negative, found \(amount)")
            } else if amount > 1e15 {
                file.error(fields.at("amount"), "\(path).amount", "is too large")
            } else {
                deal.amount = Cents((amount * 100).rounded())
            }
        }
        if let estimated = fields.bool("amount_estimated", in: &file) {
            if estimated, deal.amount == nil {
                file.error(fields.at("amount_estimated"), "\(path).amount_estimated", "is true but the deal has no \"amount\"")
            } else if estimated, deal.isWon || deal.isLost {
                file.error(fields.at("amount_estimated"), "\(path).amount_estimated", "is for open deals: a closed deal's amount is known")
            }
            deal.amountEstimated = estimated
        }
        if let probability = fields.number("probability", in: &file) {
            if (0...1).contains(probability) {
                deal.probability = probability
            } else {
                file.error(fields.at("probability"), "\(path).probability", "must be between 0 and 1, found \(probability)")
            }
        }
    }
}
