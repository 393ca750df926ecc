import Foundation

/// The progress bar of one file's load: bytes of the file read against its size, rows stored.
final class LoadProgress {
    private let line = ProgressLine()
    private let name: String
    private let size: Int
    /// Rows stored (or rejected) so far.
    var rows = 0

    init(name: String, path: String) {
        self.name = name
        size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The reader's hook: `bytes` of the file have been read and their rows stored.
    func bytesRead(_ bytes: Int) {
        line.update(name, done: bytes, total: size, count: rows, unit: "rows")
    }

    /// Erases the bar when the file is done.
    func finish() { line.clear() }
}
