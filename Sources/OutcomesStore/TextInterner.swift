import OutcomesCore

/// One shared `String` per distinct value of a text column that repeats few values across many
/// rows (an episode's race, payer, diagnosis): 200,000 episodes otherwise hold 200,000 copies
/// of "Not Hispanic or Latino" (measured by heaptrack: about 30 MB of their text).
/// Text of up to 15 UTF-8 bytes is stored inside the `String` itself, so it is made as usual.
struct TextInterner {
    /// The longest text Swift keeps inside a `String` value without an allocation.
    private static let inlineLength = 15
    /// The long texts met, found by their bytes, and the `String` of each by its position.
    private var spellings = ByteSpellings()
    private var strings: [String] = []

    /// The text of `bytes`, shared with every earlier equal text.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > Self.inlineLength else { return String(decoding: bytes, as: UTF8.self) }
        let (position, isNew) = spellings.position(of: bytes)
        if isNew { strings.append(String(decoding: bytes, as: UTF8.self)) }
        return strings[position]
    }
}
