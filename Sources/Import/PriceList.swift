import FieldbookModel

/// List prices by product, from a CRM's product table (the Maven export's `products.csv`: `product`,
/// `sales_price`), to value the open deals a CRM left without an amount. Such a deal is marked
/// `"amount_estimated": true`, and the import report and pipeline cards say how many there are.
package struct PriceList: Sendable {
    package var file: String
    /// Product names and prices, in file order.
    package var prices: [(name: String, price: Double)]

    static let fields: [(field: String, names: [String], required: Bool)] = [
        ("product", ["product", "product_name", "name", "产品"], true),
        ("price", ["sales_price", "list_price", "price", "unit_price", "价格"], true),
    ]

    /// Reads the table: one row per product, a price that is a number; a repeated product is an error.
    package static func read(_ table: CSVTable) -> Result<PriceList, DiagnosticsError> {
        let columns: [String: Int]
        switch CRMImporter().resolve(fields, in: table) {
        case .success(let found): columns = found
        case .failure(let error): return .failure(error)
        }
        var prices: [(name: String, price: Double)] = []
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for (index, row) in table.rows.enumerated() {
            guard let name = CRMImporter.cell(row, columns["product"]) else { continue }
            guard let text = CRMImporter.cell(row, columns["price"]), let price = AmountParser.parse(text), price >= 0 else {
                diagnostics.append(.error(table.location(ofRow: index), "product \"\(name)\": the price is not a number"))
                continue
            }
            guard seen.insert(CRMImporter.normalize(name)).inserted else {
                diagnostics.append(.error(table.location(ofRow: index), "product \"\(name)\" is listed twice"))
                continue
            }
            prices.append((name, price))
        }
        return diagnostics.isEmpty ? .success(PriceList(file: table.path, prices: prices)) : .failure(DiagnosticsError(diagnostics))
    }

    /// The product named exactly, else the one whose name is the same apart from case, spaces, `-` and `_` (the Maven
    /// export's deals say `GTXPro` for `GTX Pro`); nil when there is none. The report names every such match.
    func match(_ product: String) -> (name: String, price: Double)? {
        if let exact = prices.first(where: { $0.name == product }) { return exact }
        let key = CRMImporter.normalize(product)
        return prices.first { CRMImporter.normalize($0.name) == key }
    }
}
