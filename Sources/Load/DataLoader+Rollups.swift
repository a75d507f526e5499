import FieldbookModel

/// Reading `rollups.json`: the deal tallies a warehouse made (`Rollups`), one record per rep and month or window.
extension DataLoader {
    func readRollups(_ bytes: [UInt8], _ file: inout DataFileReader, _ context: inout Context) {
        let reps = Set(context.team.reps.map(\.id))
        var asOf: Day?
        var months: [Rollups.Row] = []
        var windows: [Rollups.Row] = []
        var seen: Set<String> = []
        file.forEachRecord(bytes, "rollups") { file, node, path in
            guard let members = file.members(node, path) else { return }
            var fields = RecordFields(node: node, jsonPath: path, members: members)
            guard let kind = fields.string("kind", required: true, in: &file), let rep = fields.id("rep", required: true, in: &file),
                let day = fields.day("as_of", required: true, in: &file)
            else { return }
            guard reps.contains(rep) else { return file.error(fields.at("rep"), "\(path).rep", "unknown rep \"\(rep)\"") }
            if let asOf, asOf != day {
                return file.error(fields.at("as_of"), "\(path).as_of", "\(day) differs from the first record's \(asOf): one query, one as-of date")
            }
            asOf = day
            guard let (first, last) = rollupDays(kind, asOf: day, &fields, &file) else { return }
            guard seen.insert("\(kind) \(rep) \(first) \(last)").inserted else {
                return file.error(node, path, "a second \(kind) record for \"\(rep)\" from \(first) to \(last)")
            }
            let (counts, weighted, pending) = Self.rollupCounts(&fields, &file)
            let row = Rollups.Row(rep: rep, first: first, last: last, counts: counts, weighted: weighted, pending: pending)
            fields.warnUnknownKeys(in: &file)
            if kind == "month" { months.append(row) } else { windows.append(row) }
        }
        if let asOf {
            context.rollups = Rollups(asOf: asOf, months: months, windows: windows)
        } else if file.diagnostics.isEmpty {
            file.warning(SourceLocation(path: file.path), "rollups", "no records: the portal has no deal figures")
        }
    }

    /// The days a record counts: a month's (`month`: `YYYY-MM`), or a window's (`first_day` to `last_day`, by `as_of`).
    private func rollupDays(_ kind: String, asOf: Day, _ fields: inout RecordFields, _ file: inout DataFileReader) -> (Day, Day)? {
        let path = fields.jsonPath
        switch kind {
        case "month":
            guard let text = fields.string("month", required: true, in: &file) else { return nil }
            guard text.utf8.count == 7, let month = fiscalCalendar.parse(text), month.kind == .month else {
                file.error(fields.at("month"), "\(path).month", "expected a month written YYYY-MM, found \"\(text)\"")
                return nil
            }
            return (month.firstDay, month.lastDay)
        case "window":
            guard let first = fields.day("first_day", required: true, in: &file), let last = fields.day("last_day", required: true, in: &file)
            else { return nil }
            guard first <= last, last <= asOf else {
                file.error(fields.at("last_day"), "\(path).last_day", "\(first) to \(last) is not a window: first_day ≤ last_day ≤ as_of")
                return nil
            }
            return (first, last)
        default:
            file.error(fields.at("kind"), "\(path).kind", "expected \"month\" or \"window\", found \"\(kind)\"")
            return nil
        }
    }

    /// A record's counts (whole numbers) and amounts (currency units, kept in cents), none negative.
    private static func rollupCounts(
        _ fields: inout RecordFields, _ file: inout DataFileReader
    ) -> (Rollups.Counts, weighted: Double, pending: Double) {
        let path = fields.jsonPath
        func count(_ key: String) -> Int {
            guard let value = fields.number(key, required: true, in: &file) else { return 0 }
            guard value >= 0, value <= 1e15, value == value.rounded() else {
                file.error(fields.at(key), "\(path).\(key)", "expected a whole number, not negative, found \(value)")
                return 0
            }
            return Int(value)
        }
        func cents(_ key: String) -> Double {
            guard let value = fields.number(key, required: true, in: &file) else { return 0 }
            guard value >= 0, value <= 1e15 else {
                file.error(fields.at(key), "\(path).\(key)", "expected an amount, not negative, found \(value)")
                return 0
            }
            return value * 100
        }
        var counts = Rollups.Counts()
        (counts.created, counts.won, counts.lost) = (count("created"), count("won"), count("lost"))
        counts.revenue = Cents(cents("revenue").rounded())
        (counts.cycleDays, counts.cycleCount, counts.open) = (count("cycle_days"), count("cycle_count"), count("open"))
        counts.pipeline = Cents(cents("pipeline").rounded())
        return (counts, cents("weighted"), cents("pending"))
    }
}
