import Foundation

/// One shared `String` per distinct value of a text column that repeats few values across many
/// rows (an episode's race, payer, diagnosis): 200,000 episodes otherwise hold 200,000 copies
/// of "Not Hispanic or Latino" (measured by heaptrack: about 30 MB of their text).
/// Text of up to 15 UTF-8 bytes is stored inside the `String` itself, so it is made as usual.
struct TextInterner {
    /// The longest text Swift keeps inside a `String` value without an allocation.
    private static let inlineLength = 15
    private var stringsByHash: [Int: [String]] = [:]

    /// The text of `bytes`, shared with every earlier equal text.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > Self.inlineLength else { return String(decoding: bytes, as: UTF8.self) }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        let hash = hasher.finalize()
        if let known = stringsByHash[hash]?.first(where: { Self.equal($0, bytes) }) { return known }
        let made = String(decoding: bytes, as: UTF8.self)
        stringsByHash[hash, default: []].append(made)
        return made
    }

    /// Whether `text` is `bytes`, compared as contiguous memory (the generic comparison through
    /// `String.UTF8View` was 7% of reading 200,000 episodes, the first step of every analysis).
    private static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { stored in
            guard stored.count == bytes.count else { return false }
            guard let first = stored.baseAddress, let second = bytes.baseAddress else { return true }
            return memcmp(first, second, bytes.count) == 0
        }
    }
}
