import FieldbookAnalyze
import FieldbookLoad
import FieldbookMarkdown

/// One input, four doors: the first byte picks the parser, the rest is the file. Any crash, hang or runaway memory
/// is a bug; diagnostics are the expected answer to nonsense.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: start + 1, count: count - 1))
    let team = Array(
        #"{"regions": [{"id": "r", "name": "R"}], "managers": [{"id": "m", "name": "M"}], "reps": [{"id": "a", "name": "A", "region": "r"}]}"#.utf8)
    switch start[0] % 5 {
    case 0:
        // Front matter and the Markdown after it.
        let (document, _) = DocumentParser.parse(bytes, path: "content/training/a/01-x.md")
        if let document { _ = MarkdownRenderer().render(document.markdown) }
    case 1:
        _ = ConfigParser.parse(bytes)
    case 2:
        // Every data file at once: the bytes as deals, targets and metrics of a small team.
        let data = DataLoader().load(["team.json": team, "deals.json": bytes, "targets.json": bytes, "metrics.json": bytes]).0
        if let data { _ = KPICalculator().compute(data) }
    case 3:
        _ = MarkdownRenderer(unsafeHTML: true).render(String(decoding: bytes, as: UTF8.self))
    default:
        _ = DataLoader().load(["team.json": bytes])
    }
    return 0
}
