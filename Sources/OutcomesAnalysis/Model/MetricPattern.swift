/// A comma-separated list of metric identifiers or glob patterns (`engagement.*`,
/// `outcomes.*.recovery_rate`), as `analyze --metrics` takes it.
public struct MetricPattern: Sendable {
    private let patterns: [[Substring]]

    public init(_ text: String) {
        patterns = text.split(separator: ",").map { $0.trimmingCharactersInSet().split(separator: "*", omittingEmptySubsequences: false) }
    }

    /// True when `id` matches one of the patterns.
    public func matches(_ id: String) -> Bool {
        patterns.contains { parts in Self.matches(Substring(id), parts) }
    }

    /// The metric set restricted to matching identifiers, in its order.
    public func filter(_ metrics: MetricSet) -> MetricSet {
        var filtered = MetricSet()
        for entry in metrics.entries where matches(entry.id) { filtered.set(entry.id, entry.value) }
        return filtered
    }

    /// Glob match where `*` stands for any run of characters: the text must start with the first
    /// part, end with the last, and hold the middle parts in order.
    private static func matches(_ text: Substring, _ parts: [Substring]) -> Bool {
        guard let first = parts.first else { return text.isEmpty }
        guard parts.count > 1 else { return text == first }
        guard text.hasPrefix(first), let last = parts.last, text.dropFirst(first.count).hasSuffix(last) else { return false }
        var rest = text.dropFirst(first.count).dropLast(last.count)
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let range = rest.firstRange(of: middle) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}

private extension Substring {
    func trimmingCharactersInSet() -> Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
