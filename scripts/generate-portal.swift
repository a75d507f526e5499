// swift-format-ignore-file: NeverForceUnwrap, NeverUseForceTry

// A developer's script: bad arguments stop it with a trap, which is all it needs.
// Generates a synthetic portal of N documents for benchmarks and browser tests: courses of lessons and regional
// playbooks, 3 to 8 KB each, with headings, lists, tables, links with anchors, about a fifth in Chinese.
// Deterministic: the same arguments give the same bytes.
//
//     swift scripts/generate-portal.swift --out /tmp/portal --documents 10000 [--seed 1] [--chinese-every 5]
// (`--chinese-every N`: every Nth document is in Chinese; 5 by default, 2 for a corpus half in Chinese)
import Foundation

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let flag = arguments.next() {
    guard flag.hasPrefix("--"), let value = arguments.next() else { fatalError("usage: --out DIR --documents N [--seed N] [--chinese-every N]") }
    options[String(flag.dropFirst(2))] = value
}
let out = options["out"]!
let count = Int(options["documents"] ?? "1000")!
var state = UInt64(options["seed"] ?? "1")!
let chineseEvery = Int(options["chinese-every"] ?? "5")!
func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(bound))
}
let english = [
    "pipeline", "forecast", "discovery", "pricing", "discount", "quota", "territory", "renewal", "champion", "budget",
    "procurement", "security", "onboarding", "negotiation", "contract", "customer", "account", "meeting", "proposal", "quarter",
    "objection", "qualification", "stakeholder", "deal", "review", "coaching", "prospect", "value", "margin", "partner",
]
let chinese = [
    "客户拜访", "重点客户", "销售漏斗", "商机管理", "合同谈判", "续约", "报价", "季度目标", "渠道伙伴", "培训计划",
    "关系地图", "决策人", "预算", "竞争对手", "回款", "区域经理",
]
let regions = ["global", "emea", "apac", "na", "latam"]
let perCourse = 25
try? FileManager.default.removeItem(atPath: out)
func write(_ path: String, _ text: String) {
    let url = URL(fileURLWithPath: out + "/" + path)
    try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try! text.write(to: url, atomically: false, encoding: .utf8)
}
write("fieldbook.json", "{\"title\": \"Synthetic portal\", \"baseURL\": \"/\"}\n")
var paths: [String] = []
let lessonCount = count * 3 / 4
for n in 0..<count {
    if n < lessonCount {
        paths.append("content/training/course-\(n / perCourse)/\(String(format: "%02d", n % perCourse + 1))-lesson-\(n).md")
    } else {
        paths.append("content/playbooks/\(regions[n % regions.count])/playbook-\(n).md")
    }
}
for n in 0..<count {
    let zh = n % chineseEvery == 0
    let words = zh ? chinese : english
    func phrase(_ length: Int) -> String { (0..<length).map { _ in words[next(words.count)] }.joined(separator: zh ? "" : " ") }
    let title = zh ? "\(words[n % words.count])指南 \(n)" : "\(words[n % words.count].capitalized) guide \(n)"
    var text =
        "{\"title\": \"\(title)\", \"tags\": [\"\(words[next(words.count)])\"], \"updated\": \"2026-\(String(format: "%02d", n % 12 + 1))-15\"}\n\n"
    let size = 3000 + next(5000)
    // Every document opens with the same heading, so links between documents can carry an anchor.
    text += zh ? "## 概述\n\n\(phrase(30))。\n\n" : "## Overview\n\n\(phrase(30)).\n\n"
    var section = 0
    while text.utf8.count < size {
        section += 1
        text += "## \(zh ? "第\(section)节 " : "Section \(section): ")\(phrase(2))\n\n\(phrase(40)).\n\n"
        switch section % 4 {
        case 0: text += "| \(phrase(1)) | \(phrase(1)) |\n|---|---|\n| \(phrase(2)) | \(next(100))% |\n| \(phrase(2)) | \(next(100))% |\n\n"
        case 1: text += "- [ ] \(phrase(3))\n- [x] \(phrase(3))\n- \(phrase(4))\n\n"
        case 2:
            // A link with an anchor to a neighbour, relative to this file.
            let target = (n + 1) % count
            let from = URL(fileURLWithPath: "/" + paths[n]).deletingLastPathComponent().pathComponents.dropFirst()
            let to = URL(fileURLWithPath: "/" + paths[target]).pathComponents.dropFirst()
            var common = 0
            while common < from.count, common < to.count - 1,
                from[from.index(from.startIndex, offsetBy: common)] == to[to.index(to.startIndex, offsetBy: common)]
            { common += 1 }
            let relative = Array(repeating: "..", count: from.count - common) + to.dropFirst(common)
            let anchor = target % chineseEvery == 0 ? "概述" : "overview"
            text += "See [the next guide](\(relative.joined(separator: "/"))#\(anchor)) and ~~old advice~~ at www.example.com.\n\n"
        default: text += "> \(phrase(12))\n\n```\n\(phrase(6))\n```\n\n"
        }
    }
    write(paths[n], text)
}
for region in regions { write("content/playbooks/\(region)/index.md", "# \(region.uppercased())\n\nPlaybooks for \(region).\n") }
print("generated \(count) documents in \(out)")
