/// The weight of a text run.
public enum FontWeight: String, Equatable, Hashable, Sendable {
    case regular
    case bold
}

/// A font: always DejaVu Sans, at a size in points.
public struct ChartFont: Equatable, Hashable, Sendable {
    /// The family every chart and report uses.
    public static let family = "DejaVu Sans"

    public var size: Double
    public var weight: FontWeight

    public init(size: Double, weight: FontWeight = .regular) {
        self.size = size
        self.weight = weight
    }
}
