/// The natural keys of an episode's packed rows, in pack order (`EpisodePack`, stored in its
/// key table): what lets a load merge rows into a stored pack, or take one out by its key,
/// without reading the episode's rows back (since v8 the record tables are keyed by natural key
/// alone, not clustered by episode).
///
/// Front-coded: each key as the length of the prefix it shares with the key before it, then the
/// rest as text (`PackWriter`'s varints). An episode's session ids mostly differ in their last
/// digits, so a key takes 3 to 4 bytes instead of 15.
enum NaturalKeyList {
    /// The format: the first byte of every list.
    static let version: UInt8 = 1

    /// `keys` front-coded, in their order.
    static func encode(_ keys: some Sequence<String>) -> [UInt8] {
        var list = Writer()
        for key in keys { list.append(key) }
        return list.bytes
    }

    /// Front-codes keys one at a time, in their order (`encode`, and a run packed as its rows
    /// come: `StreamedRun`).
    struct Writer {
        private var writer = PackWriter(version: NaturalKeyList.version)
        private var previous = ""

        /// The list of the keys appended so far.
        var bytes: [UInt8] { writer.bytes }

        /// Appends `key` after the last.
        mutating func append(_ key: String) {
            var key = key
            // Both keys' bytes in place (a key of up to 15 bytes is a small string: no storage of
            // its own). Arrays of the keys' bytes cost 2,650 instructions a key, one reused 615.
            key.withUTF8 { bytes in
                let shared = previous.withUTF8 { before in
                    let limit = min(before.count, bytes.count)
                    var shared = 0
                    while shared < limit, before[shared] == bytes[shared] { shared += 1 }
                    return shared
                }
                writer.append(UInt64(shared))
                writer.append(bytes: UnsafeBufferPointer(rebasing: bytes[shared...]))
            }
            previous = key
        }
    }

    /// The keys `encode` wrote into `bytes`, in order, or nil when there are more than `limit`;
    /// anything `encode` did not write ends in `MalformedPack`.
    static func decode(_ bytes: UnsafeRawBufferPointer, limit: Int = .max) throws(MalformedPack) -> [String]? {
        var reader = try PackReader(bytes, version: version)
        var keys: [String] = []
        var previous: [UInt8] = []
        while !reader.isAtEnd {
            guard keys.count < limit else { return nil }
            let shared = try reader.nextInt()
            guard shared <= previous.count else { throw MalformedPack() }
            var key = Array(previous[..<shared])
            try reader.nextBytes { key.append(contentsOf: $0) }
            keys.append(String(decoding: key, as: UTF8.self))
            previous = key
        }
        return keys
    }
}
