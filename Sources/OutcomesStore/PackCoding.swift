import OutcomesCore

/// The byte format of an episode's packed rows (`EpisodePack`): each value a LEB128 varint,
/// signed values zigzag-encoded, an optional value as 0 for NULL and its value + 1 otherwise.
/// Written by hand: the packages this project can use offer no compact binary coding short of
/// Protocol Buffers, whose generated code and build plug-in cost more than these few lines.
struct PackWriter {
    /// The bytes written so far, starting with the format version.
    private(set) var bytes: [UInt8]

    /// An empty pack in format `version`.
    init(version: UInt8) { bytes = [version] }

    /// Appends a value that is never negative. Inlined: it runs for every packed value.
    @inline(__always)
    mutating func append(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Appends a value of either sign (zigzag: 0, -1, 1, -2 ... as 0, 1, 2, 3 ...).
    @inline(__always)
    mutating func append(signed value: Int64) {
        append(zigzag(value))
    }

    /// Appends a day number as its difference from `previous` (which becomes this day).
    @inline(__always)
    mutating func append(day: Int64, after previous: inout Int64) {
        append(signed: day - previous)
        previous = day
    }

    /// Appends text as its UTF-8 byte count and bytes (any byte, NUL included, kept).
    mutating func append(text: String) {
        append(bytes: text.utf8)
    }

    /// Appends bytes as their count, then themselves.
    mutating func append(bytes part: some Collection<UInt8>) {
        append(UInt64(part.count))
        bytes.append(contentsOf: part)
    }

    /// Appends text, or NULL (as 0; text as its byte count + 1, then its bytes).
    mutating func append(optionalText text: String?) {
        guard let text else { return append(0) }
        append(UInt64(text.utf8.count) + 1)
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends a number as its 8 IEEE 754 bytes, least significant first.
    mutating func append(double value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a value of either sign, or NULL (as 0; a value as its zigzag code + 1). The value
    /// must not be `Int64.min`, whose code + 1 wraps to NULL's 0: callers range-check first.
    @inline(__always)
    mutating func append(optionalSigned value: Int64?) {
        append(value.map { zigzag($0) &+ 1 } ?? 0)
    }

    /// Appends a value that is never negative, or NULL.
    @inline(__always)
    mutating func append(optional value: Int64?) {
        append(value.map { UInt64($0) + 1 } ?? 0)
    }
}

/// Reads what `PackWriter` wrote; any byte sequence it did not write ends in `MalformedPack`.
struct PackReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    /// A reader over `bytes`, which must start with format `version`.
    init(_ bytes: UnsafeRawBufferPointer, version: UInt8) throws(MalformedPack) {
        guard bytes.first == version else { throw MalformedPack() }
        self.bytes = bytes
        offset = 1
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset == bytes.count }

    /// The next value that is never negative. A value below 128 (a code, a day's difference, a
    /// count: most of a pack) is one byte, read here, inlined where it is read; the call per value
    /// was 6.9% of a monthly report's instructions.
    @inline(__always)
    mutating func next() throws(MalformedPack) -> UInt64 {
        if offset < bytes.count, bytes[offset] < 0x80 {
            defer { offset += 1 }
            return UInt64(bytes[offset])
        }
        return try nextOfSeveralBytes()
    }

    /// `next()` for a value written in more than one byte (or none left).
    private mutating func nextOfSeveralBytes() throws(MalformedPack) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw MalformedPack()
    }

    /// The next value that is never negative, within `Int`.
    mutating func nextInt() throws(MalformedPack) -> Int {
        let value = try next()
        guard value <= UInt64(Int.max) else { throw MalformedPack() }
        return Int(value)
    }

    /// The next value of either sign.
    mutating func nextSigned() throws(MalformedPack) -> Int64 {
        unzigzag(try next())
    }

    /// The next text.
    mutating func nextText() throws(MalformedPack) -> String {
        try text(count: try nextInt())
    }

    /// The next optional text.
    mutating func nextOptionalText() throws(MalformedPack) -> String? {
        let marker = try nextInt()
        return marker == 0 ? nil : try text(count: marker - 1)
    }

    /// Calls `body` with the next bytes written by `append(bytes:)`, in place.
    mutating func nextBytes(_ body: (UnsafeRawBufferPointer) -> Void) throws(MalformedPack) {
        let count = try nextInt()
        guard count <= bytes.count - offset else { throw MalformedPack() }
        body(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]))
        offset += count
    }

    private mutating func text(count: Int) throws(MalformedPack) -> String {
        guard count <= bytes.count - offset else { throw MalformedPack() }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
    }

    /// The next number written by `append(double:)`.
    mutating func nextDouble() throws(MalformedPack) -> Double {
        guard bytes.count - offset >= 8 else { throw MalformedPack() }
        var bits: UInt64 = 0
        for shift in 0..<8 { bits |= UInt64(bytes[offset + shift]) << (8 * shift) }
        offset += 8
        return Double(bitPattern: bits)
    }

    /// The next optional value of either sign.
    mutating func nextOptionalSigned() throws(MalformedPack) -> Int64? {
        let value = try next()
        guard value != 0 else { return nil }
        return unzigzag(value - 1)
    }

    /// The next optional value: nil for NULL.
    mutating func nextOptional() throws(MalformedPack) -> Int64? {
        let value = try next()
        guard value != 0 else { return nil }
        guard value - 1 <= UInt64(Int64.max) else { throw MalformedPack() }
        return Int64(value - 1)
    }
}

/// A pack whose bytes are not what `PackWriter` writes for its format (truncated, from another
/// version, or a value out of its column's range).
struct MalformedPack: Error {}

extension PackReader {
    /// The next day, packed as its difference from `previous` (which becomes this day).
    mutating func nextDay(after previous: inout Int64) throws(MalformedPack) -> Day {
        let (day, overflow) = previous.addingReportingOverflow(try nextSigned())
        guard !overflow, let ordinal = Int(exactly: day) else { throw MalformedPack() }
        previous = day
        return Day(ordinal: ordinal)
    }

    /// The next code, packed as its `StoredCodes` number.
    mutating func nextCode<Code>(_ code: StoredCode<Code>) throws(MalformedPack) -> Code {
        guard let value = code.value(Int64(try nextInt())) else { throw MalformedPack() }
        return value
    }

    /// The next optional code.
    mutating func nextOptionalCode<Code>(_ code: StoredCode<Code>) throws(MalformedPack) -> Code? {
        guard let number = try nextOptional() else { return nil }
        guard let value = code.value(number) else { throw MalformedPack() }
        return value
    }
}

/// Zigzag coding: 0, -1, 1, -2 ... as 0, 1, 2, 3 ..., so that small values of either sign are
/// short varints.
private func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }

/// The value `zigzag` coded as `code`.
private func unzigzag(_ code: UInt64) -> Int64 { Int64(bitPattern: code >> 1) ^ -Int64(bitPattern: code & 1) }
