import Foundation
import OutcomesCore

/// Reads a text file line by line through a fixed buffer, so that memory does not grow with
/// the file: a line of up to `RowSizeLimit.bytes` is held whole, a longer one is read to its end
/// and passed on without its bytes (LF or CRLF; a UTF-8 BOM on the first line is dropped). A
/// line is measured against the limit without the BOM and the CR, as a CSV record is.
struct LineFile {
    let path: String
    let displayName: String

    /// One line of the file.
    struct Line {
        /// The line number, from 1.
        var number: Int
        /// The line's bytes without the line end; empty when `oversized`.
        var bytes: ArraySlice<UInt8>
        /// The offset of the line's first byte (after a BOM).
        var start: Int
        /// The offset just past the line end.
        var end: Int
        /// The line's length in bytes, without its line end, when it is longer than
        /// `RowSizeLimit.bytes` (it was not kept); nil otherwise.
        var oversizedLength: Int?

        /// The line with its bytes in storage of their own (to keep after the reader moves on).
        var detached: Line {
            var copy = self
            copy.bytes = ArraySlice(Array(bytes))
            return copy
        }
    }

    /// Bytes asked of each `read(2)`.
    static let readSize = 1 << 16
    /// The bytes a line may hold besides its `RowSizeLimit.bytes`: a BOM (3) and a CR.
    private static let uncountedBytes = 4

    /// Calls `body` with each line, in order. Each read lands in the buffer right after the
    /// bytes of the line not yet ended, and lines are passed on as slices of it: a file's bytes
    /// are copied once (reading through `FileHandle` into `Data` copied them twice).
    func forEachLine(_ body: (Line) throws -> Void) throws {
        let file = try ByteFile(path: path, displayName: displayName)
        /// The current line's bytes read so far are `buffer[..<filled]`; the buffer doubles when a
        /// read would not fit, up to the longest line kept and one read (a longer line is skipped).
        var buffer = [UInt8](repeating: 0, count: 2 * Self.readSize)
        var filled = 0
        /// How many bytes of `buffer[..<filled]` are known to hold no LF.
        var searched = 0
        /// The length so far of an oversized line being read through (nothing is kept of it), and
        /// whether its last byte read is a CR (the line end's, if an LF comes next).
        var skipped: Int?
        var skippedEndsInCR = false
        var number = 0
        /// The file offset of the current line's first byte.
        var offset = 0
        /// Passes on the line whose bytes before its LF (or the file's end) are `line`, kept or
        /// oversized by the length of its content.
        func emit(_ line: ArraySlice<UInt8>, ending: Int) throws {
            var bytes = line
            var start = offset
            if number == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                bytes = bytes.dropFirst(3)
                start += 3
            }
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
            guard bytes.count <= RowSizeLimit.bytes else {
                return try emitOversized(length: line.count, contentLength: bytes.count, ending: ending)
            }
            number += 1
            offset += line.count + ending
            try body(Line(number: number, bytes: bytes, start: start, end: offset, oversizedLength: nil))
        }
        func emitOversized(length: Int, contentLength: Int, ending: Int) throws {
            number += 1
            let start = offset
            offset += length + ending
            try body(Line(number: number, bytes: [], start: start, end: offset, oversizedLength: contentLength))
        }
        while true {
            if filled + Self.readSize > buffer.count {
                let larger = min(2 * buffer.count, RowSizeLimit.bytes + Self.uncountedBytes + Self.readSize)
                // Zeros appended as an array: appended as `repeatElement`, they went one by one in
                // a debug build (a line of the limit took seconds in `make test`).
                buffer += [UInt8](repeating: 0, count: larger - buffer.count)
            }
            let count = try buffer.withUnsafeMutableBytes { bytes in
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[filled..<filled + Self.readSize]))
            }
            if count == 0 { break }
            if let length = skipped {
                guard let newline = Self.newline(in: buffer, from: 0, to: count) else {
                    skipped = length + count
                    skippedEndsInCR = buffer[count - 1] == 0x0D
                    continue
                }
                let endsInCR = newline > 0 ? buffer[newline - 1] == 0x0D : skippedEndsInCR
                try emitOversized(length: length + newline, contentLength: length + newline - (endsInCR ? 1 : 0),
                                  ending: 1)
                skipped = nil
                Self.moveToFront(&buffer, newline + 1..<count)
                filled = count - newline - 1
            } else {
                filled += count
            }
            var start = 0
            while let newline = Self.newline(in: buffer, from: max(start, searched), to: filled) {
                try emit(buffer[start..<newline], ending: 1)
                start = newline + 1
            }
            Self.moveToFront(&buffer, start..<filled)
            filled -= start
            searched = filled
            if filled > RowSizeLimit.bytes + Self.uncountedBytes {
                skipped = filled
                skippedEndsInCR = buffer[filled - 1] == 0x0D
                filled = 0
                searched = 0
            }
        }
        if let length = skipped {
            try emitOversized(length: length, contentLength: length - (skippedEndsInCR ? 1 : 0), ending: 0)
        } else if filled > 0 {
            try emit(buffer[..<filled], ending: 0)
        }
    }

    /// Moves `buffer[range]` to the start of `buffer`.
    private static func moveToFront(_ buffer: inout [UInt8], _ range: Range<Int>) {
        guard range.lowerBound > 0, !range.isEmpty else { return }
        buffer.withUnsafeMutableBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            memmove(base, base + range.lowerBound, range.count)
        }
    }

    /// The index of the first LF in `bytes[start..<end]` (`memchr`: lines are long).
    private static func newline(in bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard start < end, let base = buffer.baseAddress,
                  let found = memchr(base + start, 0x0A, end - start) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }
}
