/// How numbers on an axis or a label are written.
public enum ValueFormat: Equatable, Hashable, Sendable {
    /// Plain numbers, decimals chosen from the tick step.
    case number
    /// Proportions 0...1 written as percentages.
    case percent
    /// Whole numbers (counts).
    case integer
}

/// An axis title and unit, and how its numbers are written.
public struct AxisSpec: Equatable, Hashable, Sendable {
    public var title: String
    /// Written after the title in parentheses, e.g. "days", "% of scheduled sessions".
    public var unit: String?
    public var format: ValueFormat
    /// A fixed data range; nil fits the data.
    public var domain: ClosedRange<Double>?
    /// Whether a fitted range must include zero (bars always do).
    public var includesZero: Bool

    public init(
        _ title: String, unit: String? = nil, format: ValueFormat = .number,
        domain: ClosedRange<Double>? = nil, includesZero: Bool = false
    ) {
        self.title = title
        self.unit = unit
        self.format = format
        self.domain = domain
        self.includesZero = includesZero
    }

    /// "Title (unit)", as drawn.
    public var label: String {
        guard let unit, !unit.isEmpty else { return title }
        return "\(title) (\(unit))"
    }
}

/// A horizontal (or, on a horizontal value axis, vertical) line at a value, with a label.
public struct ReferenceLine: Equatable, Hashable, Sendable {
    public var value: Double
    public var label: String

    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}
