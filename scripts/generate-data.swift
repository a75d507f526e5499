// swift-format-ignore-file: NeverForceUnwrap, NeverUseForceTry

// A developer's script: bad arguments stop it with a trap, which is all it needs.
// Generates realistic, deterministic performance data for a portal: deals, targets, metrics and training for the
// reps of its content/data/team.json, or a synthetic team of any size for benchmarks.
//
//     swift scripts/generate-data.swift --portal . --from 2024-11 --to 2026-11-20 --seed 42
//     swift scripts/generate-data.swift --portal /tmp/big --reps 5000 --deals-per-month 12 --from 2025-01 --to 2026-12-31
//
// The same arguments always give the same bytes (SplitMix64, no clock).
import Foundation

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let flag = arguments.next() {
    guard flag.hasPrefix("--"), let value = arguments.next() else {
        fatalError("usage: --portal DIR [--reps N] [--from YYYY-MM] [--to YYYY-MM-DD] [--seed N] [--deals-per-month N]")
    }
    options[String(flag.dropFirst(2))] = value
}
let portal = options["portal"] ?? "."
let dataFolder = portal + "/content/data"
let seed = UInt64(options["seed"] ?? "42")!
let dealsPerMonth = Int(options["deals-per-month"] ?? "5")!
let fromParts = (options["from"] ?? "2025-05").split(separator: "-").map { Int($0)! }
let toParts = (options["to"] ?? "2026-11-20").split(separator: "-").map { Int($0)! }
let firstMonth = fromParts[0] * 12 + fromParts[1] - 1
let endDay = (year: toParts[0], month: toParts[1], day: toParts[2])
let lastMonth = endDay.year * 12 + endDay.month - 1

/// SplitMix64: small, fast and the same everywhere.
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
}
var random = Random(state: seed)

func daysIn(_ month: Int) -> Int {
    let (y, m) = (month / 12, month % 12 + 1)
    switch m {
    case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
}
/// Day numbers: days since month 0, for adding cycles.
func ordinal(_ month: Int, _ day: Int) -> Int { monthStart(month) + day - 1 }
var monthStarts: [Int: Int] = [:]
func monthStart(_ month: Int) -> Int {
    if let cached = monthStarts[month] { return cached }
    var total = 0
    for m in firstMonth..<month { total += daysIn(m) }
    monthStarts[month] = total
    return total
}
func date(_ ordinal: Int) -> String {
    var month = firstMonth
    var rest = ordinal
    while rest >= daysIn(month) {
        rest -= daysIn(month)
        month += 1
    }
    return String(format: "%04d-%02d-%02d", month / 12, month % 12 + 1, rest + 1)
}
let endOrdinal = ordinal(lastMonth, endDay.day)
func label(_ month: Int) -> String { String(format: "%04d-%02d", month / 12, month % 12 + 1) }
func quote(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}
func write(_ name: String, _ lines: [String]) {
    let text = "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    try! text.write(toFile: dataFolder + "/" + name, atomically: true, encoding: .utf8)
}

// The team: the portal's own, or a synthetic one.
try! FileManager.default.createDirectory(atPath: dataFolder, withIntermediateDirectories: true)
var reps: [(id: String, region: String)] = []
if let count = options["reps"].flatMap(Int.init) {
    let regionCount = max(3, count / 100)
    var team = "{\n  \"regions\": [\n"
    team += (0..<regionCount).map { "    {\"id\": \"region-\($0)\", \"name\": \"Region \($0)\", \"manager\": \"manager-\($0)\"}" }.joined(
        separator: ",\n")
    team += "\n  ],\n  \"managers\": [\n"
    team += (0..<regionCount).map { "    {\"id\": \"manager-\($0)\", \"name\": \"Manager \($0)\", \"region\": \"region-\($0)\"}" }.joined(
        separator: ",\n")
    team += "\n  ],\n  \"reps\": [\n"
    reps = (0..<count).map { (String(format: "rep-%05d", $0), "region-\($0 % regionCount)") }
    team += reps.map { "    {\"id\": \"\($0.id)\", \"name\": \"Rep \($0.id.dropFirst(4))\", \"region\": \"\($0.region)\"}" }.joined(separator: ",\n")
    team += "\n  ]\n}\n"
    try! team.write(toFile: dataFolder + "/team.json", atomically: true, encoding: .utf8)
    try! """
    [
      {"id": "calls", "label": "Calls", "unit": "count", "better": "higher", "aggregate": "sum"},
      {"id": "meetings", "label": "Meetings", "unit": "count", "better": "higher", "aggregate": "sum"},
      {"id": "csat", "label": "Customer satisfaction", "unit": "score", "better": "higher", "aggregate": "mean"},
      {"id": "accounts", "label": "Active accounts", "unit": "count", "better": "higher", "aggregate": "last"}
    ]

    """.write(toFile: dataFolder + "/kpis.json", atomically: true, encoding: .utf8)
} else {
    let team = try! JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dataFolder + "/team.json"))) as! [String: Any]
    reps = (team["reps"] as! [[String: Any]]).map { ($0["id"] as! String, $0["region"] as! String) }
}

let products = [("Essentials", 4_800.0), ("Professional", 9_600.0), ("Enterprise", 18_000.0)]
let accounts = [
    "Harbor Logistics", "Nordwind Handel", "Lusitania Foods", "Kestrel Parts", "华东仓储", "Pacific Fresh", "Maple Supply",
    "Sunbelt Distributors", "Rhein Metall Service", "Aurora Pharma", "南方冷链", "Outback Hardware", "Fjord Fisheries", "Atlas Medical",
    "Prairie Grain", "Lionsgate Retail", "Delta Components", "深圳电子元件", "Cedar Home", "Bluewater Marine",
]
var deals: [String] = []
var targets: [String] = []
var metrics: [String] = []
var serial = 0
for rep in reps {
    let skill = 0.35 + 0.3 * random.unit()  // win probability
    let pace = 0.7 + 0.6 * random.unit()  // deals created per month, relative
    var expectedQuarter: [Int: Double] = [:]
    var accountsOwned = 8 + random.int(0...12)
    for month in firstMonth...lastMonth {
        let created = max(0, Int((Double(dealsPerMonth) * pace * (0.6 + 0.8 * random.unit())).rounded()))
        for _ in 0..<created {
            serial += 1
            let day = random.int(1...daysIn(month))
            let createdOrdinal = ordinal(month, day)
            guard createdOrdinal <= endOrdinal else { continue }
            let product = products[random.int(0...2)]
            let warehouses = Double(random.int(1...6))
            let amount = (product.1 * warehouses * (0.85 + 0.3 * random.unit())).rounded()
            let cycle = 14 + random.int(0...110)
            let closeOrdinal = createdOrdinal + cycle
            var fields = [
                "\"id\": \"D-\(String(format: "%07d", serial))\"", "\"rep\": \"\(rep.id)\"",
                "\"account\": \(quote(accounts[random.int(0...accounts.count - 1)]))",
                "\"product\": \"\(product.0)\"",
            ]
            let knownAmount = random.unit() > 0.08
            if closeOrdinal <= endOrdinal {
                let won = random.unit() < skill
                fields += [
                    "\"stage\": \"\(won ? "won" : "lost")\"", "\"amount\": \(Int(amount))", "\"created\": \"\(date(createdOrdinal))\"",
                    "\"closed\": \"\(date(closeOrdinal))\"",
                ]
                if won { expectedQuarter[(month / 3), default: 0] += amount }
            } else {
                let progress = Double(endOrdinal - createdOrdinal) / Double(cycle)
                let stage = progress < 0.3 ? "prospecting" : progress < 0.7 ? "engaging" : "proposal"
                fields.append("\"stage\": \"\(stage)\"")
                if knownAmount { fields.append("\"amount\": \(Int(amount))") }
                fields += ["\"created\": \"\(date(createdOrdinal))\"", "\"expected_close\": \"\(date(closeOrdinal))\""]
            }
            deals.append("  {" + fields.joined(separator: ", ") + "}")
        }
        accountsOwned = max(3, accountsOwned + random.int(0...2) - 1)
        metrics.append(
            "  {\"rep\": \"\(rep.id)\", \"period\": \"\(label(month))\", \"calls\": \(60 + random.int(0...90)), \"meetings\": \(8 + random.int(0...14)), "
                + "\"csat\": \(String(format: "%.1f", 3.4 + 1.5 * random.unit())), \"accounts\": \(accountsOwned)}")
    }
    // Quarterly revenue targets near what a rep of this skill and pace wins, rounded to the thousand.
    // From the first quarter after the data has had time to ramp up (deals take months to close).
    for quarter in ((firstMonth + 3) / 3)...(lastMonth / 3) {
        let typical = Double(dealsPerMonth) * 3 * pace * skill * 0.8 * 37_000
        let target = ((typical * (0.9 + 0.3 * random.unit())) / 1000).rounded() * 1000
        let year = quarter / 4
        targets.append(
            "  {\"rep\": \"\(rep.id)\", \"period\": \"\(year)-Q\(quarter % 4 + 1)\", \"revenue\": \(Int(target)), \"deals_won\": \(max(1, Int((Double(dealsPerMonth) * 3 * pace * skill).rounded())))}"
        )
    }
}
targets.append("  {\"team\": true, \"period\": \"\(lastMonth / 12)\", \"calls\": \(reps.count * 12 * 110)}")

// Training: each rep completes lessons of the portal's courses in order, some further along than others.
var training: [String] = []
let trainingRoot = portal + "/content/training"
let courses = ((try? FileManager.default.contentsOfDirectory(atPath: trainingRoot)) ?? []).sorted()
for rep in reps {
    for course in courses {
        let lessons = ((try? FileManager.default.contentsOfDirectory(atPath: trainingRoot + "/" + course)) ?? []).filter {
            $0.hasSuffix(".md") && $0 != "index.md"
        }.sorted()
        let done = random.int(0...lessons.count)
        var day = endOrdinal - random.int(60...400)
        for lesson in lessons.prefix(done) {
            var slug = String(lesson.dropLast(3))
            if let dash = slug.firstIndex(where: { !$0.isNumber }), dash != slug.startIndex, "-_. ".contains(slug[dash]) {
                slug = String(slug[slug.index(after: dash)...])
            }
            day = min(endOrdinal, day + random.int(2...30))
            training.append(
                "  {\"rep\": \"\(rep.id)\", \"lesson\": \"\(course)/\(slug)\", \"completed\": \"\(date(max(0, day)))\", \"score\": \(60 + random.int(0...40))}"
            )
        }
    }
}
write("deals.json", deals)
write("targets.json", targets)
write("metrics.json", metrics)
write("training.json", training)
print("generated \(reps.count) reps, \(deals.count) deals, \(targets.count) targets, \(metrics.count) metric rows, \(training.count) completions")
