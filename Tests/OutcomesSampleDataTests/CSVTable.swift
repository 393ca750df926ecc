import Foundation

/// A parsed CSV file for tests: a header and rows of fields by column name (RFC 4180 quotes,
/// LF or CRLF, optional BOM).
struct CSVTable {
    var header: [String]
    var rows: [[String]]

    init(path: String) throws {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let following = iterator.next()
                    if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = following }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",": record.append(field); field = ""
            case "\r": continue
            case "\n": record.append(field); records.append(record); record = []; field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        header = records.first ?? []
        rows = Array(records.dropFirst())
    }

    /// The rows as dictionaries keyed by column name.
    var dictionaries: [[String: String]] {
        rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}

/// The folder of this test process's directories, removed when the process exits.
let sampleTestsFolder: URL = {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("outcomes-sample-tests-\(UUID().uuidString)")
    atexit { try? FileManager.default.removeItem(at: sampleTestsFolder) }
    return url
}()

/// A fresh directory for one test, inside `sampleTestsFolder`.
func temporaryDirectory(_ name: String) throws -> String {
    let url = sampleTestsFolder.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}
