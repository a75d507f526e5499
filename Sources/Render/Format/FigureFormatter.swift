import FieldbookModel

/// Writes figures the way the portal's readers expect them: currency symbols, thousands separators, percentages,
/// compact forms (1.2M in English; 120万 and 1.2亿 in Chinese), dates and period names, in `en` or `zh-CN`.
///
/// Written by hand rather than with Foundation's formatters so output is byte-identical on every platform and
/// version, and because Chinese compact forms count in 万 (10⁴) and 亿 (10⁸).
package struct FigureFormatter: Sendable {
    package let locale: SiteConfig.Locale
    package let currency: String

    package init(locale: SiteConfig.Locale, currency: String) {
        self.locale = locale
        self.currency = currency
    }

    private var chinese: Bool { locale == .simplifiedChinese }

    /// The symbol written before amounts: `$`, `¥`, `€`; unknown codes are written as the code and a space.
    package var currencySymbol: String {
        switch currency {
        case "USD": "$"
        case "EUR": "€"
        case "GBP": "£"
        case "CNY", "JPY": "¥"
        case "AUD": "A$"
        case "CAD": "C$"
        case "SGD": "S$"
        case "HKD": "HK$"
        case "INR": "₹"
        case "KRW": "₩"
        default: currency + " "
        }
    }

    /// A figure of a KPI in its unit.
    package func value(_ value: Double?, unit: KPIDefinition.Unit, compact: Bool = false) -> String {
        guard let value else { return "–" }
        switch unit {
        case .currency: return money(value, compact: compact)
        case .count: return compact ? self.compact(value) : grouped(value, decimals: value == value.rounded() ? 0 : 1)
        case .percent: return percent(value)
        case .days: return chinese ? "\(grouped(value, decimals: 1)) 天" : "\(grouped(value, decimals: 1)) days"
        case .score: return grouped(value, decimals: 1)
        }
    }

    /// `$1,234,567`, or compact `$1.2M` / `¥123.5万`; negative amounts get a leading minus.
    package func money(_ value: Double, compact: Bool = false) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        let digits = compact ? self.compact(magnitude) : grouped(magnitude, decimals: magnitude < 100 && magnitude != magnitude.rounded() ? 2 : 0)
        return sign + currencySymbol + digits
    }

    /// A ratio as a percentage with one decimal: 0.4567 → `45.7%`.
    package func percent(_ ratio: Double) -> String { grouped(ratio * 100, decimals: 1) + "%" }

    /// A change, signed: `+$1.2K` for money, `+3` for counts. A change of a percentage (a win rate of 45.0% becoming
    /// 43.8%) is a difference in percentage points, never a percent of change: `-1.2 pp`, `下降1.2个百分点`.
    package func signed(_ value: Double, unit: KPIDefinition.Unit) -> String {
        if unit == .percent {
            let points = grouped(abs(value) * 100, decimals: 1)
            let direction = points == grouped(0, decimals: 1) ? 0 : value < 0 ? -1 : 1
            if chinese { return direction == 0 ? "持平" : (direction < 0 ? "下降" : "上升") + points + "个百分点" }
            return (direction < 0 ? "-" : direction > 0 ? "+" : "±") + points + " pp"
        }
        let text = self.value(abs(value), unit: unit, compact: unit == .currency || unit == .count)
        return (value < 0 ? "-" : value > 0 ? "+" : "±") + text
    }

    /// 1.2K / 3.4M / 5.6B in English, 1.2万 / 3.4亿 in Chinese; below a thousand (ten thousand) the plain number.
    package func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        let steps: [(Double, String)] = chinese ? [(1e8, "亿"), (1e4, "万")] : [(1e9, "B"), (1e6, "M"), (1e3, "K")]
        for (size, suffix) in steps where magnitude >= size {
            return (value < 0 ? "-" : "") + trimmed(magnitude / size, decimals: 1) + suffix
        }
        return (value < 0 ? "-" : "") + grouped(magnitude, decimals: 0)
    }

    /// Thousands separated by commas, rounded to `decimals` with trailing zeros kept (1,234.5 stays 1,234.5).
    /// Written byte by byte: a portal with thousands of reps formats millions of these.
    package func grouped(_ value: Double, decimals: Int) -> String {
        var digits: [UInt8] = []
        JSONOutput.append(abs(value), decimals: decimals, to: &digits)
        let dot = digits.firstIndex(of: UInt8(ascii: ".")) ?? digits.endIndex
        var output: [UInt8] = []
        output.reserveCapacity(digits.count + dot / 3 + decimals + 2)
        if value < 0 && digits != [UInt8(ascii: "0")] { output.append(UInt8(ascii: "-")) }
        for index in 0..<dot {
            if index > 0 && (dot - index) % 3 == 0 { output.append(UInt8(ascii: ",")) }
            output.append(digits[index])
        }
        if decimals > 0 {
            output.append(UInt8(ascii: "."))
            let fraction = dot < digits.endIndex ? digits[(dot + 1)...] : []
            output += fraction
            output += repeatElement(UInt8(ascii: "0"), count: max(0, decimals - fraction.count))
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func trimmed(_ value: Double, decimals: Int) -> String { JSONOutput.format(value, decimals: decimals) }

    /// `20 Nov 2026` / `2026年11月20日`.
    package func date(_ day: Day) -> String {
        chinese ? "\(day.year)年\(day.month)月\(day.day)日" : "\(day.day) \(Self.months[day.month - 1]) \(day.year)"
    }

    /// `Nov 2026`, `Q4 2026`, `FY2026` / `2026年11月`, `2026年第4季度`, `2026财年`, from the calendar's label.
    package func period(_ period: Period, calendar: FiscalCalendar) -> String {
        let label = calendar.label(period)
        switch period.kind {
        case .month:
            let (year, month) = Period.calendar(period.firstMonth)
            return chinese ? "\(year)年\(month)月" : "\(Self.months[month - 1]) \(year)"
        case .quarter:
            let parts = label.split(separator: "-")
            let quarter = parts[1].dropFirst()
            let fiscal = calendar.startMonth != 1
            return chinese ? "\(parts[0])\(fiscal ? "财" : "")年第\(quarter)季度" : "Q\(quarter) \(fiscal ? "FY" : "")\(parts[0])"
        case .year:
            return calendar.startMonth != 1 ? (chinese ? "\(label)财年" : "FY\(label)") : (chinese ? "\(label)年" : label)
        }
    }

    /// A period's name within its year, for the period picker: `Sep` / `9月`, `Q3` / `第3季度`; a year as `period`.
    package func shortPeriod(_ period: Period, calendar: FiscalCalendar) -> String {
        switch period.kind {
        case .month:
            let month = Period.calendar(period.firstMonth).month
            return chinese ? "\(month)月" : Self.months[month - 1]
        case .quarter:
            let quarter = calendar.label(period).split(separator: "-")[1].dropFirst()
            return chinese ? "第\(quarter)季度" : "Q\(quarter)"
        case .year:
            return self.period(period, calendar: calendar)
        }
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
