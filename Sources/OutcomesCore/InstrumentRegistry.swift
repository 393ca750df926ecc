/// The instruments a program uses, by code: the built-in set of SPEC section 4, extended or
/// overridden by a program's own definitions.
public struct InstrumentRegistry: Sendable {
    /// Each instrument held by a class of its own, so that `withInstrument` lends one in place: a
    /// copy of an `Instrument` retains each of its dozen lists and strings, and a load looks an
    /// instrument up for every assessment row, item answer and Observation.
    private var entries: [String: Entry]

    private final class Entry: Sendable {
        let instrument: Instrument
        init(_ instrument: Instrument) { self.instrument = instrument }
    }

    public init(_ instruments: [Instrument]) {
        entries = Dictionary(instruments.map { ($0.code, Entry($0)) }, uniquingKeysWith: { _, last in last })
    }

    /// The instrument `code` names (a copy; `withInstrument` lends it instead).
    public subscript(code: String) -> Instrument? { entries[code]?.instrument }

    /// `body` applied to the instrument `code` names, lent without a copy; nil when no instrument has that code.
    public func withInstrument<Result, Failure: Error>(
        _ code: String, _ body: (Instrument) throws(Failure) -> Result
    ) throws(Failure) -> Result? {
        guard let entry = entries[code] else { return nil }
        return try body(entry.instrument)
    }

    /// Codes in alphabetical order.
    public var codes: [String] { entries.keys.sorted() }

    /// Adds or replaces instruments by code.
    public mutating func register(_ added: [Instrument]) {
        for instrument in added { entries[instrument.code] = Entry(instrument) }
    }

    /// The built-in instruments.
    public static let builtIn = InstrumentRegistry(BuiltInInstruments.all)
}
