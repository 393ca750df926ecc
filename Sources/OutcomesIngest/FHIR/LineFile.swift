import Foundation
import OutcomesCore

/// Reads a text file line by line through a fixed buffer, so that memory does not grow with
/// the file: a line of up to `RowSizeLimit.bytes` is held whole, a longer one is read to its end
/// and passed on without its bytes (LF or CRLF; a UTF-8 BOM on the first line is dropped).
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
        /// The line's length in bytes when it is longer than `RowSizeLimit.bytes` (it was not kept); nil otherwise.
        var oversizedLength: Int?

        /// The line with its bytes in storage of their own (to keep after the reader moves on).
        var detached: Line {
            var copy = self
            copy.bytes = ArraySlice(Array(bytes))
            return copy
        }
    }

    /// Calls `body` with each line, in order.
    func forEachLine(_ body: (Line) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestFileError(file: displayName, message: "cannot read the file")
        }
        defer { try? handle.close() }
        /// The bytes read and not yet passed on, from the start of the current line.
        var pending: [UInt8] = []
        /// How many bytes of `pending` are known to hold no LF.
        var searched = 0
        /// The length so far of an oversized line being read through (`pending` is then empty).
        var skipped: Int?
        var number = 0
        /// The file offset of the current line's first byte.
        var offset = 0
        func emit(_ line: ArraySlice<UInt8>, ending: Int) throws {
            number += 1
            var bytes = line
            var start = offset
            if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                bytes = bytes.dropFirst(3)
                start += 3
            }
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
            offset += line.count + ending
            try body(Line(number: number, bytes: bytes, start: start, end: offset, oversizedLength: nil))
        }
        func emitOversized(length: Int, ending: Int) throws {
            number += 1
            let start = offset
            offset += length + ending
            try body(Line(number: number, bytes: [], start: start, end: offset, oversizedLength: length))
        }
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 16) ?? Data() } catch {
                throw IngestFileError(file: displayName, message: "cannot read the file: \(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            if let length = skipped {
                guard let newline = chunk.firstIndex(of: 0x0A) else {
                    skipped = length + chunk.count
                    continue
                }
                try emitOversized(length: length + (newline - chunk.startIndex), ending: 1)
                skipped = nil
                pending = Array(chunk[(newline + 1)...])
            } else {
                pending.append(contentsOf: chunk)
            }
            var start = 0
            while let newline = Self.newline(in: pending, from: max(start, searched)) {
                if newline - start > RowSizeLimit.bytes {
                    try emitOversized(length: newline - start, ending: 1)
                } else {
                    try emit(pending[start..<newline], ending: 1)
                }
                start = newline + 1
            }
            pending.removeFirst(start)
            searched = pending.count
            if pending.count > RowSizeLimit.bytes {
                skipped = pending.count
                pending = []
                searched = 0
            }
        }
        if let length = skipped {
            try emitOversized(length: length, ending: 0)
        } else if !pending.isEmpty {
            try emit(pending[...], ending: 0)
        }
    }

    /// The index of the first LF in `bytes` at or after `start` (`memchr`: lines are long).
    private static func newline(in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard start < buffer.count, let base = buffer.baseAddress,
                  let found = memchr(base + start, 0x0A, buffer.count - start) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }
}
