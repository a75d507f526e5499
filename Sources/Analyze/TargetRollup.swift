import FieldbookModel

/// Every entity's target for each KPI in a period, the one place targets are rolled up:
///
/// - a rep: their own target (targets.json, or derived from their own other periods by `TargetResolver`), else a share
///   of their region's or the team's by `TargetCascade` (weighted, ramped when they are new);
/// - a region or the team: its own target, else the sum of its reps' targets, for KPIs that add up over people
///   (revenue, deals, pipeline), and none for the others (a win rate does not add up);
/// - a manager: the sum of their reps' targets, on the same terms (managers have no targets of their own).
///
/// A group sums only the reps that have a target; cards say how many of them do.
struct TargetRollup: Sendable {
    let kpis: [KPI]
    let periods: [Period]
    let resolver: TargetResolver
    let cascade: TargetCascade

    /// The targets of a rep (`members` is that one rep) or a group, in `kpis` order, for period `p`. `repTargets` holds
    /// every rep's targets, rep by rep, then period by period, then KPI by KPI (groups only).
    func targets(_ kind: EntityFigures.Kind, scope: TargetScope?, members: [Int], period p: Int, repTargets: [Double?]) -> [Double?] {
        let period = periods[p]
        return kpis.indices.map { k -> Double? in
            let own = scope.flatMap { resolver.target($0, kpis[k], period) }
            if kind == .rep, let rep = members.first { return cascade.target(rep: rep, k, p, own: own) }
            if let own { return own }
            guard kind != .rep, kpis[k].additiveAcrossReps else { return nil }
            var sum: Double?
            for member in members {
                if let target = repTargets[(member * periods.count + p) * kpis.count + k] { sum = (sum ?? 0) + target }
            }
            return sum
        }
    }
}
