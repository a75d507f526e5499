/// A calendar date without time zone (front matter `updated`, data dates), parsed strictly from `YYYY-MM-DD`.
///
/// Stored packed in four bytes: a million deals carry three dates each.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// year × 512 + month × 32 + day, which orders like the date itself.
    private let packed: Int32

    package var year: Int { Int(packed >> 9) }
    package var month: Int { Int((packed >> 5) & 15) }
    package var day: Int { Int(packed & 31) }

    /// Parses `YYYY-MM-DD`, rejecting impossible dates such as 2017-02-30.
    package init?(_ text: String) {
        var fields = (year: 0, month: 0, day: 0)
        var position = 0
        for byte in text.utf8 {
            if position == 4 || position == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), position < 10 else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                switch position {
                case 0..<4: fields.year = fields.year * 10 + digit
                case 5, 6: fields.month = fields.month * 10 + digit
                default: fields.day = fields.day * 10 + digit
                }
            }
            position += 1
        }
        guard position == 10, (1...12).contains(fields.month), (1...Day.daysIn(month: fields.month, year: fields.year)).contains(fields.day) else {
            return nil
        }
        self.init(year: fields.year, month: fields.month, day: fields.day)
    }

    /// A date known to be valid.
    package init(year: Int, month: Int, day: Int) {
        packed = Int32(year << 9 | month << 5 | day)
    }

    /// The month number used by `Period`: `year * 12 + month - 1`.
    package var monthNumber: Int { year * 12 + month - 1 }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar, so differences are day counts.
    package var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    /// The day `days` after this one (before it when negative).
    package func advanced(by days: Int) -> Day {
        var (year, month, day) = (self.year, self.month, self.day + days)
        while day > Day.daysIn(month: month, year: year) {
            day -= Day.daysIn(month: month, year: year)
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        while day < 1 {
            (year, month) = month == 1 ? (year - 1, 12) : (year, month - 1)
            day += Day.daysIn(month: month, year: year)
        }
        return Day(year: year, month: month, day: day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
    }

    public static func < (a: Day, b: Day) -> Bool { a.packed < b.packed }
}
