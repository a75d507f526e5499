import FieldbookTestSupport
import Foundation
import Testing

@testable import FieldbookAnalyze
@testable import FieldbookCore
@testable import FieldbookImport
@testable import FieldbookIncremental
@testable import FieldbookLoad
@testable import FieldbookMarkdown
@testable import FieldbookModel
@testable import FieldbookRender
@testable import FieldbookSearch

/// The house rules a reviewer would otherwise have to remember, made mechanical: the targets' graph in
/// `docs/architecture.md` is the one in `Package.swift`, no source imports a target it does not declare (SwiftPM on
/// Linux would let it), and no source file or function grows past what one screen or two can hold.
@Suite struct ArchitectureTests {
    /// Target name → the package's own targets it depends on, from `Package.swift`'s text.
    static func packageGraph() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: Repository.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var graph: [String: Set<String>] = [:]
        // Every target names its `path:`, which ends the part holding its dependencies.
        let declaration = try NSRegularExpression(
            pattern: #"\.(?:target|executableTarget)\(\s*name: "(\w+)"(.*?)path:"#, options: [.dotMatchesLineSeparators])
        let text = manifest as NSString
        for match in declaration.matches(in: manifest, range: NSRange(location: 0, length: text.length)) {
            let (nameRange, bodyRange) = (match.range(at: 1), match.range(at: 2))
            let body = text.substring(with: bodyRange).replacingOccurrences(of: #"\.product\([^)]*\)"#, with: "", options: .regularExpression)
            let names = body.matches(of: /"(\w+)"/).map { String($0.1) }.filter { $0.hasPrefix("Fieldbook") }
            graph[text.substring(with: nameRange)] = Set(names)
        }
        // The tests' shared helpers are not a layer of the product.
        return graph.filter { $0.key != "FieldbookTestSupport" }
    }

    /// The same graph as `docs/architecture.md` draws it, short names made module names.
    static func drawnGraph() throws -> [String: Set<String>] {
        let document = try String(contentsOf: Repository.root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        guard let marker = document.range(of: "<!-- targets:"),
            let start = document.range(of: "```text\n", range: marker.upperBound..<document.endIndex),
            let end = document.range(of: "```", range: start.upperBound..<document.endIndex)
        else { return [:] }
        func module(_ name: Substring) -> String {
            let name = name.trimmingCharacters(in: .whitespaces)
            return name == "fieldbook" ? name : "Fieldbook" + name
        }
        var graph: [String: Set<String>] = [:]
        for line in document[start.upperBound..<end.lowerBound].split(separator: "\n") {
            let sides = line.split(separator: "→", omittingEmptySubsequences: false)
            guard sides.count == 2 else { continue }
            graph[module(sides[0])] = Set(sides[1].split(separator: ",").map(module).filter { $0 != "Fieldbook" })
        }
        return graph
    }

    @Test func theDrawingIsThePackage() throws {
        let package = try Self.packageGraph()
        #expect(package.count == 15, "found targets: \(package.keys.sorted())")
        #expect(try Self.drawnGraph() == package, "docs/architecture.md's target list and Package.swift disagree")
    }

    @Test func dependenciesPointDown() throws {
        let graph = try Self.packageGraph()
        // Depth-first: a target reached again while still on the path closes a circle.
        var finished: Set<String> = []
        func visit(_ target: String, path: [String]) {
            if let index = path.firstIndex(of: target) {
                Issue.record("circle: \((path[index...] + [target]).joined(separator: " → "))")
                return
            }
            guard finished.insert(target).inserted else { return }
            for dependency in graph[target, default: []].sorted() { visit(dependency, path: path + [target]) }
        }
        for target in graph.keys.sorted() { visit(target, path: []) }
        #expect(graph["FieldbookModel"] == [])
    }

    /// The compiler on Linux lets a target import any module built before it; this does not.
    @Test func sourcesImportOnlyWhatTheirTargetDeclares() throws {
        let graph = try Self.packageGraph()
        for (folder, target) in Self.sourceFolders {
            let allowed = graph[target, default: []]
            for (path, text) in try Self.swiftFiles(under: "Sources/" + folder) {
                for imported in text.matches(of: /(?m)^import (Fieldbook\w+)$/).map({ String($0.1) }) where !allowed.contains(imported) {
                    Issue.record("\(path) imports \(imported), which \(target) does not depend on in Package.swift")
                }
            }
        }
    }

    @Test func filesAndFunctionsFitOnAScreenOrTwo() throws {
        for (folder, _) in Self.sourceFolders {
            for (path, text) in try Self.swiftFiles(under: "Sources/" + folder) where !text.hasPrefix("// swift-format-ignore-file\n// Generated") {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.count <= 301, "\(path) has \(lines.count - 1) lines; a file past 300 is asking to be split")
                for (line, length) in Self.functionLengths(lines) where length > 60 {
                    Issue.record("\(path):\(line): a function of \(length) lines; past 60 is asking to be split")
                }
            }
        }
    }

    /// Source folder → its target.
    static let sourceFolders = [
        "Model": "FieldbookModel", "Load": "FieldbookLoad", "Markdown": "FieldbookMarkdown", "Analyze": "FieldbookAnalyze",
        "Render": "FieldbookRender", "Search": "FieldbookSearch", "Write": "FieldbookWrite", "Incremental": "FieldbookIncremental",
        "Pipeline": "FieldbookCore", "Import": "FieldbookImport", "Scaffold": "FieldbookScaffold", "Serve": "FieldbookServe",
        "fieldbook": "fieldbook",
    ]

    static func swiftFiles(under folder: String) throws -> [(String, String)] {
        let root = Repository.root.appendingPathComponent(folder)
        let paths = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }.sorted()
        return try paths.map { (folder + "/" + $0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// Each function's or initializer's first line (1-based) and its length in lines, by matching braces outside
    /// strings and comments.
    static func functionLengths(_ lines: [Substring]) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        for (index, line) in lines.enumerated()
        where line.contains(
            /^\s*(?:@\w+\s+)*(?:(?:public|package|private|fileprivate|static|mutating|override|final|nonisolated)\s+)*(?:func\s|init[?(<])/)
        {
            var depth = 0
            var opened = false
            var end = index
            scan: for (offset, text) in lines[index...].enumerated() {
                let code = text.replacing(/"(?:[^"\\]|\\.)*"/, with: "\"\"").replacing(/\/\/.*/, with: "")
                for character in code {
                    if character == "{" { depth += 1; opened = true } else if character == "}" { depth -= 1 }
                    if opened && depth == 0 {
                        end = index + offset
                        break scan
                    }
                }
            }
            result.append((index + 1, end - index + 1))
        }
        return result
    }
}
