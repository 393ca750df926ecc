import Foundation

/// A one-line progress indicator on standard error (long loads, reports), redrawn in place
/// with a carriage return, at most ten times a second, and shown only when standard error is
/// a terminal: piped or logged output gets nothing at all.
final class ProgressLine {
    private let enabled: Bool
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64?
    /// The shortest time between two redraws of `update`, in nanoseconds (0.1 s).
    private static let redrawInterval: UInt64 = 100_000_000

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    /// Seconds since this line was made.
    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

    /// Shows `text` now (a stage whose share cannot be measured).
    func show(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// Shows a bar of `done` out of `total` (see `ProgressText`), unless the line was redrawn
    /// less than 0.1 s ago.
    func update(_ label: String, done: Int, total: Int, count: Int, unit: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        if let lastDrawn, now - lastDrawn < Self.redrawInterval { return }
        lastDrawn = now
        show(ProgressText.line(label: label, done: done, total: total, count: count, unit: unit, elapsed: elapsed))
    }

    /// Erases the line.
    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
