/// Formats a file can be in that the loader does not read, recognised by their first bytes, so
/// that loading one says what it is and what to do instead of reporting a broken CSV header.
enum FileSignature {
    /// Why a file starting with `head` cannot be loaded, for people; nil when it may be text.
    static func problem(head: some Collection<UInt8>) -> String? {
        let bytes = Array(head.prefix(8))
        func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        if starts([0x1F, 0x8B]) {
            return "the file is gzip-compressed; decompress it first (gunzip) and load the file inside"
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            return "the file is a ZIP archive or an Excel workbook (.xlsx); save each sheet as CSV (UTF-8), "
                + "or unzip it and load the files inside"
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return "the file is an Excel 97-2003 workbook (.xls); save each sheet as CSV (UTF-8)"
        }
        if starts(Array("%PDF-".utf8)) { return "the file is a PDF document, not CSV or FHIR JSON" }
        if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) {
            return "the file is UTF-16 text (as Excel's \"Unicode Text\" writes it); save it as CSV (UTF-8)"
        }
        return nil
    }
}
