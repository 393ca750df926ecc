import Foundation
import Testing
@testable import OutcomesIngest

/// Files in formats the loader does not read are named for what they are.
@Suite("File signatures")
struct FileSignatureTests {
    @Test(arguments: [
        ([0x1F, 0x8B, 0x08, 0x00],
         "the file is gzip-compressed; decompress it first (gunzip) and load the file inside"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "the file is a ZIP archive or an Excel workbook (.xlsx); save each "
            + "sheet as CSV (UTF-8), or unzip it and load the files inside"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], "the file is an Excel 97-2003 workbook (.xls); save "
            + "each sheet as CSV (UTF-8)"),
        (Array("%PDF-1.7\n".utf8), "the file is a PDF document, not CSV or FHIR JSON"),
        ([0xFF, 0xFE, 0x65, 0x00],
         "the file is UTF-16 text (as Excel's \"Unicode Text\" writes it); save it as CSV (UTF-8)"),
    ] as [([UInt8], String)])
    func aFormatTheLoaderDoesNotReadIsNamed(head: [UInt8], message: String) throws {
        #expect(FileSignature.problem(head: head) == message)
        // Loading such a file stops with that message, naming the file, before any row is read.
        let path = try TestFiles.write(head + Array(repeating: 0x41, count: 64), suffix: ".csv")
        #expect(throws: IngestFileError(file: path, message: message)) { try FHIRContent.kind(path: path) }
    }

    @Test func textFilesPass() {
        // CSV (with and without a UTF-8 BOM), NDJSON, an empty file, and "PK" as the text it is.
        for head in ["episode_id,program\n", "\u{FEFF}episode_id\n", #"{"resourceType":"Patient"}"#, "", "PK,x\n"] {
            #expect(FileSignature.problem(head: Array(head.utf8)) == nil)
        }
    }
}
