/// Which cohort a result describes: one value per dimension, in the order the dimensions were
/// asked for. The overall cohort has no components.
public struct CohortKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var components: [Component]

    public struct Component: Hashable, Sendable {
        public var dimension: CohortDimension
        public var value: String

        public init(_ dimension: CohortDimension, _ value: String) {
            self.dimension = dimension
            self.value = value
        }
    }

    public init(_ components: [Component] = []) { self.components = components }

    /// The whole population.
    public static let overall = CohortKey()

    public var isOverall: Bool { components.isEmpty }

    /// The value on one dimension, if the key has it.
    public subscript(dimension: CohortDimension) -> String? {
        components.first { $0.dimension == dimension }?.value
    }

    /// Overall first, then by values in dimension order.
    public static func < (lhs: CohortKey, rhs: CohortKey) -> Bool {
        lhs.components.map(\.value).lexicographicallyPrecedes(rhs.components.map(\.value))
    }

    /// `overall`, or `program=sud, site=north`.
    public var description: String {
        isOverall ? "overall" : components.map { "\($0.dimension.rawValue)=\($0.value)" }.joined(separator: ", ")
    }
}
