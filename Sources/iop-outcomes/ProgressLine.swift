import Foundation

/// A one-line progress indicator on standard error (long loads, reports), shown only when it
/// is a terminal: piped or logged output stays clean.
struct ProgressLine {
    private let enabled = isatty(STDERR_FILENO) == 1

    func show(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
