import Foundation

/// Where a row's raw bytes are in its file (without the line end).
struct ByteSpan: Hashable, Sendable {
    var offset: Int
    var count: Int
}

/// Reads rows' raw text back from their file when a reject needs it, so that rows waiting to be
/// grouped (a long assessment's item answers) hold two numbers instead of their text.
final class RawLines {
    private let path: String
    private var handle: FileHandle?

    init(path: String) { self.path = path }

    deinit { try? handle?.close() }

    /// The bytes of `span` as text (invalid UTF-8 replaced); empty when the file cannot be read.
    func text(_ span: ByteSpan) -> String {
        if handle == nil { handle = FileHandle(forReadingAtPath: path) }
        guard let handle, (try? handle.seek(toOffset: UInt64(span.offset))) != nil,
              let data = try? handle.read(upToCount: span.count) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
