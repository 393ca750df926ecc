/// Streams RFC 4180 records from a file in constant memory.
///
/// Reads 1 MiB chunks and scans bytes: quoted fields may hold commas, doubled quotes and line
/// breaks; records end with LF, CRLF or CR; a leading UTF-8 byte-order mark is skipped; blank
/// lines are skipped but still counted in row numbers. Lenient where RFC 4180 is silent: a quote
/// inside an unquoted field, or text after a closing quote, is kept as text.
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

    /// Reads the next record into `record` (reusing its buffers); false at the end of the file.
    func next(into record: inout CSVRecord) throws -> Bool {
        record.reset()
        guard try skipBlankLines() else { return false }
        record.row = nextRow
        nextRow += 1
        record.byteOffset = bufferOffset + position
        var state = State.fieldStart
        var highBits: UInt8 = 0
        var rawStart = position
        while true {
            if position == length {
                record.rawBytes.append(contentsOf: buffer[rawStart..<length])
                try refill()
                rawStart = 0
                if length == 0 {
                    record.unterminatedQuote = state == .quoted
                    record.ends.append(record.storage.count)
                    break
                }
            }
            if let rawEnd = scan(&record, &state, &highBits) {
                record.rawBytes.append(contentsOf: buffer[rawStart..<rawEnd])
                break
            }
        }
        if highBits & 0x80 != 0, let index = UTF8Validation.firstInvalidIndex(in: record.rawBytes) {
            record.invalidUTF8Offset = record.byteOffset + index
        }
        return true
    }

    /// Scans the current chunk from `position`; returns the index of the record's line
    /// terminator when the record ends in this chunk, nil when the chunk runs out first.
    private func scan(_ record: inout CSVRecord, _ state: inout State, _ highBits: inout UInt8) -> Int? {
        let length = self.length
        var index = position
        defer { position = index }
        return buffer.withUnsafeBufferPointer { bytes -> Int? in
            while index < length {
                switch state {
                case .fieldStart, .unquoted:
                    if state == .fieldStart, bytes[index] == Self.quote {
                        state = .quoted
                        index += 1
                        continue
                    }
                    state = .unquoted
                    var end = index
                    while end < length {
                        let byte = bytes[end]
                        if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                        highBits |= byte
                        end += 1
                    }
                    record.storage.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                    guard end < length else { return nil }
                    index = end + 1
                    record.ends.append(record.storage.count)
                    if bytes[end] == Self.comma {
                        state = .fieldStart
                    } else {
                        skipLineFeed = bytes[end] == Self.carriageReturn
                        return end
                    }
                case .quoted:
                    var end = index
                    while end < length, bytes[end] != Self.quote {
                        highBits |= bytes[end]
                        end += 1
                    }
                    record.storage.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                    guard end < length else { return nil }
                    index = end + 1
                    state = .quoteInQuoted
                case .quoteInQuoted:
                    if bytes[index] == Self.quote {
                        record.storage.append(Self.quote)
                        state = .quoted
                        index += 1
                    } else {
                        state = .unquoted
                    }
                }
            }
            return nil
        }
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
