/// A count as it may be published: shown, or hidden behind "<11".
public enum SuppressedCell: Sendable, Equatable {
    /// A count shown as is (0 and 11 or more, and any total that needs no protection).
    case shown(Int)
    /// A hidden count: `primary` when it is itself 1 to 10, otherwise hidden so that
    /// a primary cell cannot be recovered by subtraction (complementary suppression).
    case suppressed(primary: Bool)

    /// The text printed for every hidden count.
    public static let suppressedText = "<11"

    /// The text to print: the count, or "<11" when hidden.
    public var displayText: String {
        switch self {
        case .shown(let count): return String(count)
        case .suppressed: return Self.suppressedText
        }
    }

    /// True when the count is hidden.
    public var isSuppressed: Bool {
        if case .suppressed = self { return true }
        return false
    }

    /// The count when shown; nil when hidden.
    public var shownCount: Int? {
        if case .shown(let count) = self { return count }
        return nil
    }
}
