/// One CSV record: its unescaped field bytes, where it sits in the file, and its raw bytes.
///
/// The reader reuses one record's buffers for every row, so a record is only valid inside
/// the closure it is passed to.
public struct CSVRecord {
    /// The row number as a spreadsheet shows it: the header is row 1, the first data row is
    /// row 2; a record whose quoted field spans lines is still one row.
    public internal(set) var row = 0
    /// Offset in the file of the record's first byte.
    public internal(set) var byteOffset = 0
    /// True when the file ended inside a quoted field.
    public internal(set) var unterminatedQuote = false
    /// Offset in the file of the first byte that is not valid UTF-8, if any.
    public internal(set) var invalidUTF8Offset: Int?
    /// Unescaped bytes of every field, one after another.
    var storage: [UInt8] = []
    /// End index in `storage` of each field.
    var ends: [Int] = []
    /// The record exactly as it appears in the file, without its line terminator.
    public internal(set) var rawBytes: [UInt8] = []

    public init() {
        storage.reserveCapacity(4096)
        ends.reserveCapacity(64)
        rawBytes.reserveCapacity(4096)
    }

    /// Empties the record, keeping its buffers' capacity.
    mutating func reset() {
        storage.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        rawBytes.removeAll(keepingCapacity: true)
        unterminatedQuote = false
        invalidUTF8Offset = nil
    }

    public var fieldCount: Int { ends.count }

    /// The byte range of field `index` in `storage`, with ASCII spaces and tabs trimmed.
    func trimmedRange(_ index: Int) -> Range<Int> {
        var start = index == 0 ? 0 : ends[index - 1]
        var end = ends[index]
        while start < end, storage[start] == 0x20 || storage[start] == 0x09 { start += 1 }
        while end > start, storage[end - 1] == 0x20 || storage[end - 1] == 0x09 { end -= 1 }
        return start..<end
    }

    /// Field `index`, trimmed (SPEC: values are trimmed).
    public func field(_ index: Int) -> String {
        String(decoding: storage[trimmedRange(index)], as: UTF8.self)
    }

    /// Every field, trimmed.
    public var fields: [String] { (0..<fieldCount).map(field) }

    /// The raw record as text, invalid bytes replaced by U+FFFD (for the rejects file).
    public var rawLine: String { String(decoding: rawBytes, as: UTF8.self) }
}
