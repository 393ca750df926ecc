/// The metrics of one cohort, by SPEC section 9 identifier, in a fixed order
/// (the order they were computed: census, engagement, fidelity, outcomes, goals, relapse).
public struct MetricSet: Hashable, Sendable {
    /// Identifiers in output order.
    public private(set) var ids: [String] = []
    private var values: [String: MetricValue] = [:]

    public init() {}

    public subscript(id: String) -> MetricValue? { values[id] }

    /// Sets a metric; a new identifier goes to the end, an existing one keeps its place.
    public mutating func set(_ id: String, _ value: MetricValue) {
        if values.updateValue(value, forKey: id) == nil { ids.append(id) }
    }

    /// Identifier and value pairs in output order.
    public var entries: [(id: String, value: MetricValue)] {
        ids.compactMap { id in values[id].map { (id, $0) } }
    }

    public var count: Int { ids.count }
}
