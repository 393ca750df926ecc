import Foundation
import OutcomesCore

/// The `--rejects` CSV: one line per rejected row, streamed as rows are rejected.
final class RejectsFile {
    private let handle: FileHandle
    private var buffer = ""

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CommandFailure("\(path): cannot create the rejects file")
        }
        self.handle = handle
        buffer = "file,row,column,reason,message,raw_line\n"
    }

    func write(_ issue: IngestIssue) throws {
        let fields = [issue.file, String(issue.row), issue.column ?? "", issue.reason.rawValue, issue.message, issue.rawLine]
        buffer += fields.map(CSVField.escaped).joined(separator: ",") + "\n"
        if buffer.utf8.count > 1 << 16 { try flush() }
    }

    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer = ""
    }
}
