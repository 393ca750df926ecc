import Foundation
import OutcomesCore

/// The `--rejects` CSV: one line per rejected row, streamed as rows are rejected into an owner-only
/// temporary file that `close()` renames into place (it quotes source identifiers).
final class RejectsFile {
    private let file: AtomicFile
    private var buffer = ""

    init(path: String) throws {
        do {
            file = try AtomicFile(path: path, access: .ownerOnly)
        } catch let error as AtomicFileError {
            throw CommandFailure(error.description)
        }
        buffer = "file,row,column,reason,message,raw_line\n"
    }

    func write(_ issue: IngestIssue) throws {
        let fields = [issue.file, String(issue.row), issue.column ?? "", issue.reason.rawValue, issue.message,
                      issue.rawLine]
        buffer += fields.map(CSVField.escapedText).joined(separator: ",") + "\n"
        if buffer.utf8.count > 1 << 16 { try flush() }
    }

    func close() throws {
        try flush()
        try file.commit()
    }

    private func flush() throws {
        try file.write(buffer.utf8)
        buffer = ""
    }
}
