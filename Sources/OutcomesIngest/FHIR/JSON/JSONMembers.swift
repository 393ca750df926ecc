import Foundation

/// The names of the members a type reads from an object, one per case of `Key` (the case's name
/// is the member's), found together by `JSONNode.members`: one pass over the object's members,
/// where looking each name up (`JSONNode.member`) passed over them once per name, most of the
/// names a resource type reads being absent from a given resource.
struct JSONMemberNames<Key: CaseIterable & RawRepresentable> where Key.RawValue == Int {
    /// The most names one set holds (`JSONMembers` keeps a value index per name, inline).
    static var capacity: Int { 64 }
    /// How many buckets names are spread over (`bucket(of:)`): a power of two.
    private static var bucketCount: Int { 64 }

    /// Every name's UTF-8 bytes, one after another, and where each starts (one more: the end).
    private let bytes: [UInt8]
    private let starts: [Int]
    /// By `bucket(of:)`: the first name in the bucket, and after each name the next in its bucket (-1: none).
    private let firstInBucket: [Int]
    private let nextInBucket: [Int]

    init() {
        let names = Key.allCases.map { Array(String(describing: $0).utf8) }
        precondition(names.count <= Self.capacity && Key.allCases.map(\.rawValue) == Array(names.indices),
                     "JSONMemberNames: keys numbered 0..<\(Self.capacity) in order")
        bytes = names.flatMap { $0 }
        starts = names.reduce(into: [0]) { starts, name in starts.append(starts[starts.count - 1] + name.count) }
        var first = [Int](repeating: -1, count: Self.bucketCount)
        var next = [Int](repeating: -1, count: names.count)
        for (position, name) in names.enumerated().reversed() {
            let bucket = name.withUnsafeBufferPointer { Self.bucket(of: $0) }
            next[position] = first[bucket]
            first[bucket] = position
        }
        firstInBucket = first
        nextInBucket = next
    }

    /// One of `bucketCount` buckets for a name, from its length and its first and last bytes.
    private static func bucket(of name: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = name.first, let last = name.last else { return 0 }
        return (name.count &* 7 &+ Int(first) &* 3 &+ Int(last)) & (bucketCount - 1)
    }

    /// The position (raw value of the key) of `name`; nil when it is none of the names.
    func position(of name: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !name.isEmpty else { return nil }
        var candidate = firstInBucket[Self.bucket(of: name)]
        while candidate >= 0 {
            let (start, end) = (starts[candidate], starts[candidate + 1])
            if end - start == name.count,
               bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + start, name.baseAddress!, name.count) == 0 }) {
                return candidate
            }
            candidate = nextInBucket[candidate]
        }
        return nil
    }
}

/// The members of one object named by a `JSONMemberNames`, found in one pass; read like
/// `JSONNode.read` and `require`: the first of repeated names counts, `null` is absent.
struct JSONMembers<Key: CaseIterable & RawRepresentable> where Key.RawValue == Int {
    private let object: JSONNode
    /// The tape index of each name's value; -1 when the object has no such member. (A tape holds
    /// fewer entries than its text has bytes: an NDJSON line is at most `RowSizeLimit.bytes` long,
    /// a JSON document at most `FHIRContent.documentLimit`.)
    private let values: InlineArray<64, Int32>

    fileprivate init(object: JSONNode, values: InlineArray<64, Int32>) {
        self.object = object
        self.values = values
    }

    /// The value of member `key`; nil when absent or `null`.
    func node(_ key: Key) -> JSONNode? {
        let value = Int(values[key.rawValue])
        guard value >= 0, object.tape[value].kind != .null else { return nil }
        return JSONNode(bytes: object.bytes, tape: object.tape, index: value)
    }

    /// Reads member `key` as `T`; nil when absent or `null`.
    func read<T: JSONReadable>(_ key: Key) throws(JSONShapeError) -> T? {
        guard let value = node(key) else { return nil }
        return try T(json: value)
    }

    /// Reads member `key` as `T`; throws when absent or `null`.
    func require<T: JSONReadable>(_ key: Key) throws(JSONShapeError) -> T {
        guard let value = node(key) else {
            throw JSONShapeError(index: object.index, problem: .missing(String(describing: key)))
        }
        return try T(json: value)
    }
}

extension JSONNode {
    /// The members of this object named by `names`, found in one pass; throws unless it is an object.
    func members<Key>(_ names: JSONMemberNames<Key>) throws(JSONShapeError) -> JSONMembers<Key> {
        try requireObject()
        var values = InlineArray<64, Int32>(repeating: -1)
        forEachMember { name, value in
            if let position = names.position(of: name), values[position] < 0 {
                values[position] = Int32(truncatingIfNeeded: value.index)
            }
        }
        return JSONMembers(object: self, values: values)
    }
}
