#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OutcomesCore

/// Why writing a sample file failed.
public struct SampleDataError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Writes one RFC 4180 CSV file through a 1 MiB buffer: fields are quoted only when they
/// hold a comma, quote, CR or LF; records end with LF (or CRLF when asked).
final class CSVFileWriter {
    private let path: String
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20
    private let lineEnd: [UInt8]
    private var fieldsInRecord = 0
    private var failed = false

    /// Opens (creates or truncates) `path`; `crlf` ends records with CR LF, `bom` starts the file with a UTF-8 BOM.
    init(path: String, crlf: Bool = false, bom: Bool = false) throws {
        guard let handle = fopen(path, "wb") else {
            throw SampleDataError(message: "cannot open \(path) for writing")
        }
        self.path = path
        file = handle
        lineEnd = crlf ? [13, 10] : [10]
        buffer.reserveCapacity(capacity + 4096)
        if bom { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    deinit { fclose(file) }

    /// Writes a whole record of text fields.
    func record(_ fields: [String]) throws {
        for field in fields { text(field) }
        try endRecord()
    }

    /// Appends a text field, quoted when it needs to be.
    func text(_ value: String) {
        separator()
        var value = value
        value.withUTF8 { bytes in
            let needsQuotes = bytes.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
            guard needsQuotes else {
                buffer.append(contentsOf: bytes)
                return
            }
            buffer.append(34)
            for byte in bytes {
                if byte == 34 { buffer.append(34) }
                buffer.append(byte)
            }
            buffer.append(34)
        }
    }

    /// Appends an optional text field (blank when nil).
    func text(_ value: String?) {
        if let value { text(value) } else { blank() }
    }

    /// Appends an empty field.
    func blank() { separator() }

    /// Appends a decimal integer field.
    func int(_ value: Int) {
        separator()
        appendDigits(value)
    }

    /// Appends an optional integer field (blank when nil).
    func int(_ value: Int?) {
        if let value { int(value) } else { blank() }
    }

    /// Appends a date as `YYYY-MM-DD`, or `MM/dd/yyyy` when `us` is set.
    func day(_ value: Day?, us: Bool = false) {
        separator()
        guard let value else { return }
        if us {
            twoDigits(value.month); buffer.append(47)
            twoDigits(value.day); buffer.append(47)
            appendDigits(value.year)
        } else {
            appendDigits(value.year); buffer.append(45)
            twoDigits(value.month); buffer.append(45)
            twoDigits(value.day)
        }
    }

    /// Ends the current record.
    func endRecord() throws {
        buffer.append(contentsOf: lineEnd)
        fieldsInRecord = 0
        if buffer.count >= capacity { try flush() }
    }

    /// Writes buffered bytes and closes nothing; call `close()` at the end.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != buffer.count { failed = true }
        buffer.removeAll(keepingCapacity: true)
        if failed { throw SampleDataError(message: "cannot write \(path)") }
    }

    /// Flushes the buffer and the C stream.
    func close() throws {
        try flush()
        if fflush(file) != 0 { throw SampleDataError(message: "cannot write \(path)") }
    }

    private func separator() {
        if fieldsInRecord > 0 { buffer.append(44) }
        fieldsInRecord += 1
    }

    private func twoDigits(_ value: Int) {
        buffer.append(UInt8(48 + value / 10))
        buffer.append(UInt8(48 + value % 10))
    }

    private func appendDigits(_ value: Int) {
        if value < 0 {
            buffer.append(45)
            appendDigits(-value)
            return
        }
        if value >= 10 { appendDigits(value / 10) }
        buffer.append(UInt8(48 + value % 10))
    }
}
