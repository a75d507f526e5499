import Foundation

/// Maps values to pixels, with "nice" round ticks (steps of 1, 2 or 5 times a power of ten).
struct LinearScale {
    let domain: ClosedRange<Double>
    /// Pixels for the domain's low and high ends; `start` may exceed `end` (SVG y grows downwards).
    let range: (start: Double, end: Double)
    let ticks: [Double]

    /// A scale covering `values` (and zero, for bars that grow from it), widened to round tick values.
    init(covering values: [Double], includeZero: Bool, range: (Double, Double), tickCount: Int = 4) {
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low == high {
            // A single value or all equal: give it room above (and below, unless it is zero).
            high = low == 0 ? 1 : low + abs(low) * 0.5
            if low != 0, !includeZero { low -= abs(low) * 0.5 }
        }
        let step = Self.niceStep((high - low) / Double(tickCount))
        let first = (low / step).rounded(.down) * step
        let last = (high / step).rounded(.up) * step
        var ticks: [Double] = []
        var tick = first
        while tick <= last + step / 2 {
            ticks.append(abs(tick) < step / 1e6 ? 0 : tick)
            tick += step
        }
        self.domain = first...last
        self.range = range
        self.ticks = ticks
    }

    /// A scale over exactly `domain` (no rounding: a course of 7 lessons ends at 7), its ends as ticks.
    init(domain: (low: Double, high: Double), range: (Double, Double)) {
        self.domain = domain.low...max(domain.high, domain.low)
        self.range = range
        self.ticks = [domain.low, domain.high]
    }

    /// The pixel for a value; the range may run downwards (SVG y grows down).
    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let fraction = span == 0 ? 0 : (value - domain.lowerBound) / span
        return range.start + fraction * (range.end - range.start)
    }

    /// 1, 2 or 5 × 10ⁿ, the smallest not below `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow10(Int((log10(raw)).rounded(.down)))
        for multiple in [1.0, 2, 5, 10] where multiple * power >= raw * (1 - 1e-9) { return multiple * power }
        return 10 * power
    }

    private static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        if exponent >= 0 { for _ in 0..<exponent { value *= 10 } } else { for _ in 0..<(-exponent) { value /= 10 } }
        return value
    }

    private static func log10(_ value: Double) -> Double { Foundation.log10(value) }
}
