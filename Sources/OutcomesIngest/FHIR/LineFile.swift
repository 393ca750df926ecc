import Foundation
import OutcomesCore

/// Reads a text file line by line through a fixed buffer, so that memory does not grow with
/// the file (a line is held whole; LF or CRLF; a UTF-8 BOM on the first line is dropped).
struct LineFile {
    let path: String
    let displayName: String

    /// Calls `body` with each line's number (from 1), bytes (without the line end), the offset
    /// of its first byte and the offset just past it.
    func forEachLine(_ body: (Int, ArraySlice<UInt8>, Int, Int) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestFileError(file: displayName, message: "cannot read the file")
        }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var number = 0
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
            try body(number, bytes, start, offset)
        }
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 16) ?? Data() } catch {
                throw IngestFileError(file: displayName, message: "cannot read the file: \(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            var start = 0
            while let newline = Self.newline(in: pending, from: start) {
                try emit(pending[start..<newline], ending: 1)
                start = newline + 1
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty { try emit(pending[...], ending: 0) }
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
