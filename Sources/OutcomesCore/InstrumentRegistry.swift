/// The instruments a program uses, by code: the built-in set of SPEC section 4, extended or
/// overridden by a program's own definitions.
public struct InstrumentRegistry: Sendable {
    public private(set) var instruments: [String: Instrument]

    public init(_ instruments: [Instrument]) {
        self.instruments = Dictionary(instruments.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
    }

    public subscript(code: String) -> Instrument? { instruments[code] }

    /// Codes in alphabetical order.
    public var codes: [String] { instruments.keys.sorted() }

    /// Adds or replaces instruments by code.
    public mutating func register(_ added: [Instrument]) {
        for instrument in added { instruments[instrument.code] = instrument }
    }

    /// The built-in instruments.
    public static let builtIn = InstrumentRegistry(BuiltInInstruments.all)
}
