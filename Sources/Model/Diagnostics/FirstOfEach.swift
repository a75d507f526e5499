extension Sequence {
    /// Each distinct key once, in order of first appearance, with the first element that has it and how many do: a
    /// mistake repeated on 6,000 rows is one error at its first row, with the count.
    package func firstOfEach(by key: (Element) -> String) -> [(first: Element, count: Int)] {
        var position: [String: Int] = [:]
        var result: [(first: Element, count: Int)] = []
        for element in self {
            let name = key(element)
            if let index = position[name] {
                result[index].count += 1
            } else {
                position[name] = result.count
                result.append((element, 1))
            }
        }
        return result
    }
}
