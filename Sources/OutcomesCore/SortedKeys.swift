/// Distinct text keys in byte order, held in one UTF-8 buffer and found by binary search: about
/// 4 bytes per key besides its own bytes, where a `Dictionary<String, _>` of a million keys
/// costs tens of megabytes (issue 13).
///
/// Keys compare byte by byte as their UTF-8, as SQLite's BINARY collation compares text, so a
/// key is found exactly when the database would find it: two spellings of "é" (one code point,
/// or "e" and a combining accent) are two keys, where `String`'s `==` calls them equal.
public struct SortedKeys: Sendable {
    /// Every key's bytes, one after another.
    private var bytes: [UInt8] = []
    /// Key `i` is `bytes[ends[i - 1] ..< ends[i]]` (from 0 for the first).
    private var ends: [UInt32] = []

    /// No keys.
    public init() {}

    /// How many keys there are.
    public var count: Int { ends.count }

    /// The positions of the keys, `0..<count`.
    public var indices: Range<Int> { ends.indices }

    /// Makes room for `keys` more keys of `bytes` bytes in all: a buffer grown by doubling holds
    /// its old and new storage at once (126 MB for 59 MB of patient keys, measured).
    public mutating func reserveCapacity(keys: Int, bytes: Int) {
        self.bytes.reserveCapacity(self.bytes.count + bytes)
        ends.reserveCapacity(ends.count + keys)
    }

    /// Appends `key`, which must come after every key appended before (`IndexAppendError` otherwise).
    public mutating func append(_ key: UnsafeBufferPointer<UInt8>) throws {
        if !ends.isEmpty {
            let last = withKeys { keys in binaryOrder(keys(ends.count - 1), key) }
            guard last < 0 else { throw IndexAppendError(key: Self.text(key)) }
        }
        guard let end = UInt32(exactly: bytes.count + key.count) else { throw IndexAppendError(key: Self.text(key)) }
        bytes.append(contentsOf: key)
        ends.append(end)
    }

    /// Appends `key`, which must come after every key appended before (`IndexAppendError` otherwise).
    public mutating func append(_ key: String) throws {
        var key = key
        try key.withUTF8 { (utf8) in try append(utf8) }
    }

    /// Whether `key` is the last key appended.
    public func isLast(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        !ends.isEmpty && withKeys { keys in binaryOrder(keys(ends.count - 1), key) == 0 }
    }

    /// The position of `key` (0 for the first key in byte order), nil when it is not one of them.
    public func position(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { position(of: $0) }
    }

    /// The position of the key spelled by the UTF-8 `key`, nil when it is not one of them.
    public func position(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        withKeys { keys in
            var low = 0, high = ends.count
            while low < high {
                let middle = (low + high) / 2
                let order = binaryOrder(keys(middle), key)
                if order == 0 { return middle }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    /// The key at `position`.
    public subscript(position: Int) -> String { withKeys { keys in Self.text(keys(position)) } }

    /// Runs `body` with a function that gives the bytes of the key at a position.
    private func withKeys<T>(_ body: ((Int) -> UnsafeBufferPointer<UInt8>) -> T) -> T {
        bytes.withUnsafeBufferPointer { all in
            ends.withUnsafeBufferPointer { ends in
                body { position in
                    let start = position == 0 ? 0 : Int(ends[position - 1])
                    return UnsafeBufferPointer(rebasing: all[start..<Int(ends[position])])
                }
            }
        }
    }

    /// Negative, zero or positive as `a` comes before, equals or comes after `b` in byte order (a
    /// key before every longer key it begins).
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

/// An append that `SortedKeys` or `EpisodeSpanIndex` refuses: a key out of byte order or
/// repeated, past 4 GB of keys, an episode filed under a patient before it was appended, or a day
/// beyond 32 bits.
public struct IndexAppendError: Error, Equatable {
    /// The key (or episode id) refused.
    public let key: String
}
