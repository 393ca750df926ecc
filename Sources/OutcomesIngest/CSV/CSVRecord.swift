/// One CSV record: where each field sits, where the record sits in the file, and its raw bytes.
///
/// Fields are byte ranges into the raw bytes (already trimmed), so reading a record copies it
/// once; only quoted fields holding doubled quotes are unescaped into a side buffer. The reader
/// reuses one record's buffers for every row: a record is valid inside the closure it is
/// passed to.
public struct CSVRecord {
    /// The row number as a spreadsheet shows it: the header is row 1, the first data row is
    /// row 2; a record whose quoted field spans lines is still one row.
    public internal(set) var row = 0
    /// Offset in the file of the record's first byte.
    public internal(set) var byteOffset = 0
    /// True when the file ended inside a quoted field.
    public internal(set) var unterminatedQuote = false
    /// True when the record ran past `RowSizeLimit.bytes`: its fields are dropped and
    /// `rawBytes` holds only its beginning.
    public internal(set) var oversized = false
    /// True when an oversized record crossed the limit inside a quoted field.
    public internal(set) var oversizedInQuotes = false
    /// Offset in the file of the first byte that is not valid UTF-8, if any.
    public internal(set) var invalidUTF8Offset: Int?
    /// The first field holding a control character other than tab (line breaks are allowed
    /// inside a quoted field), and that character; nil when there is none.
    public internal(set) var controlCharacter: (field: Int, byte: UInt8)?
    /// The record exactly as it appears in the file, without its line terminator.
    public internal(set) var rawBytes: [UInt8] = []
    /// Start of each field: an index into `rawBytes`, or `-1 - index` into `unescaped`.
    var starts: [Int] = []
    /// End of each field, in the same buffer as its start.
    var ends: [Int] = []
    /// Indices of quoted fields, which `finish()` resolves.
    var quotedFields: [Int] = []
    /// Unescaped text of quoted fields that hold doubled quotes.
    var unescaped: [UInt8] = []

    public init() {
        rawBytes.reserveCapacity(4096)
        starts.reserveCapacity(64)
        ends.reserveCapacity(64)
    }

    /// Empties the record, keeping its buffers' capacity.
    mutating func reset() {
        rawBytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        // Mostly empty already: emptying an empty array still costs a call of the general
        // `replaceSubrange` (about 80 instructions).
        if !quotedFields.isEmpty { quotedFields.removeAll(keepingCapacity: true) }
        if !unescaped.isEmpty { unescaped.removeAll(keepingCapacity: true) }
        unterminatedQuote = false
        oversized = false
        oversizedInQuotes = false
        invalidUTF8Offset = nil
        controlCharacter = nil
    }

    /// Forgets the field boundaries (of an oversized record), keeping the raw bytes.
    mutating func dropFields() {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        quotedFields.removeAll(keepingCapacity: true)
    }

    public var fieldCount: Int { ends.count }

    /// The buffer holding field `index` and the field's (trimmed) range in it.
    func bytes(_ index: Int) -> (buffer: [UInt8], range: Range<Int>) {
        let start = starts[index]
        return start >= 0 ? (rawBytes, start..<ends[index]) : (unescaped, (-1 - start)..<ends[index])
    }

    /// True when field `index` is empty after trimming.
    func isEmpty(_ index: Int) -> Bool {
        let start = starts[index]
        return (start >= 0 ? start : -1 - start) == ends[index]
    }

    /// Field `index`, trimmed (SPEC: values are trimmed).
    public func field(_ index: Int) -> String {
        let (buffer, range) = bytes(index)
        return String(decoding: buffer[range], as: UTF8.self)
    }

    /// Every field, trimmed.
    public var fields: [String] { (0..<fieldCount).map(field) }

    /// The raw record as text, invalid bytes replaced by U+FFFD (for the rejects file).
    public var rawLine: String { String(decoding: rawBytes, as: UTF8.self) }
}

extension CSVRecord {
    /// The field whose bytes include `rawIndex` (an index into `rawBytes`); nil when it falls
    /// between fields or in a field that had to be unescaped.
    func field(containingRawIndex rawIndex: Int) -> Int? {
        (0..<fieldCount).first { starts[$0] >= 0 && starts[$0] <= rawIndex && rawIndex < ends[$0] }
    }
}
