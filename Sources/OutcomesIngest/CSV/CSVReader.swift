import OutcomesCore

/// Streams RFC 4180 records from a file in constant memory.
///
/// Reads 1 MiB chunks and scans bytes: quoted fields may hold commas, doubled quotes and line
/// breaks; records end with LF, CRLF or CR; a leading UTF-8 byte-order mark is skipped; blank
/// lines are skipped but still counted in row numbers. Lenient where RFC 4180 is silent: a quote
/// inside an unquoted field, or text after a closing quote, is kept as text. A field holding a
/// control character (see `CSVRecord.controlCharacter`) is flagged, never cut short.
final class CSVReader {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private let file: ByteFile
    private var buffer = [UInt8](repeating: 0, count: ByteFile.chunkSize)
    private var length = 0
    private var position = 0
    /// Offset in the file of `buffer[0]`.
    private var bufferOffset = 0
    private var nextRow = 1
    private var skipLineFeed = false
    private var started = false

    init(path: String, displayName: String) throws {
        file = try ByteFile(path: path, displayName: displayName)
    }

    /// Where the scan of the current record is.
    private struct Scan {
        var state = State.fieldStart
        var highBits: UInt8 = 0
        /// Set when a field may hold a control character (any byte below 0x20 but tab in an
        /// unquoted field, any at all in a quoted one); `CSVRecord.findControlCharacter` decides.
        var mayHoldControls = false
        /// Start of the current field in the record's raw bytes.
        var fieldBegin = 0
    }

    /// Reads the next record into `record` (reusing its buffers); false at the end of the file.
    func next(into record: inout CSVRecord) throws -> Bool {
        record.reset()
        guard try skipBlankLines() else { return false }
        record.row = nextRow
        nextRow += 1
        record.byteOffset = bufferOffset + position
        var scan = Scan()
        if let terminator = plainRecordEnd(&record, &scan) {
            record.rawBytes.append(contentsOf: buffer[position..<terminator])
            position = terminator + 1
        } else {
            try scanRecord(&record, &scan)
        }
        if record.oversized {
            record.dropFields()
        } else {
            record.finish()
            if scan.mayHoldControls { record.findControlCharacter() }
        }
        if scan.highBits & 0x80 != 0, let index = UTF8Validation.firstInvalidIndex(in: record.rawBytes) {
            record.invalidUTF8Offset = record.byteOffset + index
        }
        return true
    }

    /// Reads the record from `position` byte by byte (`scanChunk`), chunk after chunk: any record
    /// `plainRecordEnd` does not take.
    private func scanRecord(_ record: inout CSVRecord, _ scan: inout Scan) throws {
        var rawStart = position
        while true {
            if position == length {
                if !record.oversized, record.rawBytes.count + length - rawStart > RowSizeLimit.bytes {
                    record.oversized = true
                    record.oversizedInQuotes = scan.state == .quoted || scan.state == .quoteInQuoted
                }
                if record.oversized {
                    record.dropFields()
                } else {
                    record.rawBytes.append(contentsOf: buffer[rawStart..<length])
                }
                try refill()
                rawStart = 0
                if length == 0 {
                    record.unterminatedQuote = scan.state == .quoted
                    let end = record.rawBytes.count
                    record.starts.append(scan.state == .fieldStart ? end : scan.fieldBegin)
                    record.ends.append(end)
                    break
                }
            }
            if let rawEnd = scanChunk(&record, &scan, rawBase: record.rawBytes.count - rawStart) {
                if !record.oversized { record.rawBytes.append(contentsOf: buffer[rawStart..<rawEnd]) }
                break
            }
        }
    }

    /// Scans a record of plain fields (no quote, no tab or other control character) that ends in
    /// this chunk, eight bytes at a time: most records of an export are such, and their fields are
    /// short (a sessions file's average 7 bytes), too short to pay for a word-wise scan of each.
    /// Records its fields (leading spaces kept: `finish` trims them) and returns the index of its
    /// line terminator; returns nil, the record left as it was, for any other record, which the
    /// byte-by-byte scan then reads.
    private func plainRecordEnd(_ record: inout CSVRecord, _ scan: inout Scan) -> Int? {
        let start = position
        let length = self.length
        var highBits: UInt64 = 0
        let terminator: Int? = buffer.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress.map(UnsafeRawPointer.init) else { return nil }
            var index = start
            var fieldBegin = start
            while index + 8 <= length {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                var marks = Self.zeroBytes(word ^ Self.commas) | Self.zeroBytes(word & Self.aboveControls)
                    | Self.zeroBytes(word ^ Self.quotes)
                while marks != 0 {
                    let offset = marks.trailingZeroBitCount / 8
                    let at = index + offset
                    switch bytes[at] {
                    case Self.comma:
                        record.starts.append(fieldBegin - start)
                        record.ends.append(at - start)
                        fieldBegin = at + 1
                    case Self.lineFeed, Self.carriageReturn:
                        record.starts.append(fieldBegin - start)
                        record.ends.append(at - start)
                        highBits |= word & ((1 << UInt64(8 * offset)) &- 1)
                        return at
                    default:
                        return nil // a quote, a tab or another control character
                    }
                    marks &= marks &- 1
                }
                highBits |= word
                index += 8
            }
            return nil // the record may go on past this chunk
        }
        guard let terminator else {
            record.dropFields()
            return nil
        }
        skipLineFeed = buffer[terminator] == Self.carriageReturn
        var folded = highBits | highBits >> 32
        folded |= folded >> 16
        folded |= folded >> 8
        scan.highBits = UInt8(truncatingIfNeeded: folded)
        return terminator
    }

    private static let commas: UInt64 = 0x2C2C_2C2C_2C2C_2C2C
    private static let quotes: UInt64 = 0x2222_2222_2222_2222
    /// The bits of a byte that are all zero below 0x20.
    private static let aboveControls: UInt64 = 0xE0E0_E0E0_E0E0_E0E0

    /// The high bit of each byte of `word` that is zero, and no other bit (exact for every byte:
    /// no carry crosses from one byte to the next).
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }

    /// Scans the current chunk from `position`, recording field boundaries as offsets in the
    /// record's raw bytes (`rawBase` + index in the chunk). Returns the index of the record's
    /// line terminator when the record ends in this chunk, nil when the chunk runs out first.
    private func scanChunk(_ record: inout CSVRecord, _ scan: inout Scan, rawBase: Int) -> Int? {
        let length = self.length
        var index = position
        var terminator: Int?
        buffer.withUnsafeBufferPointer { bytes in
            scanning: while index < length {
                switch scan.state {
                case .fieldStart:
                    let byte = bytes[index]
                    if byte == 0x20 || byte == 0x09 {
                        index += 1
                    } else if byte == Self.quote {
                        record.quotedFields.append(record.ends.count)
                        scan.fieldBegin = rawBase + index + 1
                        scan.state = .quoted
                        index += 1
                    } else {
                        scan.fieldBegin = rawBase + index
                        scan.state = .unquoted
                    }
                case .unquoted:
                    var end = index
                    var high: UInt8 = 0
                    var low = false
                    while end < length {
                        let byte = bytes[end]
                        if byte <= Self.comma {
                            if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                            low = low || (byte < 0x20 && byte != 0x09)
                        }
                        high |= byte
                        end += 1
                    }
                    scan.highBits |= high
                    scan.mayHoldControls = scan.mayHoldControls || low
                    index = end
                    guard end < length else { break scanning }
                    record.starts.append(scan.fieldBegin)
                    record.ends.append(rawBase + end)
                    index = end + 1
                    if bytes[end] == Self.comma {
                        scan.state = .fieldStart
                        scan.fieldBegin = rawBase + index
                    } else {
                        skipLineFeed = bytes[end] == Self.carriageReturn
                        terminator = end
                        break scanning
                    }
                case .quoted:
                    var end = index
                    var high: UInt8 = 0
                    var low = false
                    while end < length, bytes[end] != Self.quote {
                        high |= bytes[end]
                        low = low || bytes[end] < 0x20
                        end += 1
                    }
                    scan.highBits |= high
                    scan.mayHoldControls = scan.mayHoldControls || low
                    index = end
                    guard end < length else { break scanning }
                    index = end + 1
                    scan.state = .quoteInQuoted
                case .quoteInQuoted:
                    if bytes[index] == Self.quote {
                        scan.state = .quoted
                        index += 1
                    } else {
                        scan.state = .unquoted
                    }
                }
            }
        }
        position = index
        return terminator
    }

    /// Skips empty lines (counting their rows) and the LF of a CRLF; false at the end of the file.
    private func skipBlankLines() throws -> Bool {
        while true {
            if position == length {
                try refill()
                if length == 0 { return false }
            }
            let byte = buffer[position]
            if skipLineFeed {
                skipLineFeed = false
                if byte == Self.lineFeed { position += 1; continue }
            }
            guard byte == Self.lineFeed || byte == Self.carriageReturn else { return true }
            position += 1
            nextRow += 1
            skipLineFeed = byte == Self.carriageReturn
        }
    }

    /// Reads the next chunk; skips a UTF-8 byte-order mark at the start of the file.
    private func refill() throws {
        bufferOffset += length
        position = 0
        length = try buffer.withUnsafeMutableBytes { try file.read(into: $0) }
        if !started {
            started = true
            if length >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        }
    }
}
