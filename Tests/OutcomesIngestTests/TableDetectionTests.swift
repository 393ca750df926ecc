import Testing
import OutcomesCore
@testable import OutcomesIngest

@Suite("Table detection")
struct TableDetectionTests {
    @Test(arguments: [
        ("patient_id,episode_id,program,admission_date", CanonicalTable.episodes),
        ("patient_id,event_date,event_type,source", .events),
        ("episode_id,session_date,session_type,status,scheduled_minutes", .sessions),
        ("episode_id,assessed_on,instrument,item_1,total", .assessments),
        ("episode_id,goal_id,attained_level", .goals),
        ("\u{FEFF}patient_id , event_date,event_type,Unrelated", .events),
    ])
    func detects(header: String, table: CanonicalTable) throws {
        let path = try TestFiles.write(header + "\n")
        #expect(try TableFileReader(path: path, displayName: "x.csv", mapping: nil, forcedTable: nil).table == table)
    }

    @Test func noTableNamesTheClosestAndItsMissingColumns() throws {
        let path = try TestFiles.write("episode_id,session_date,session_type\n")
        #expect {
            try TableFileReader(path: path, displayName: "visits.csv", mapping: nil, forcedTable: nil)
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix("visits.csv: ") && text.contains("closest is sessions") && text.contains("status, scheduled_minutes")
        }
    }

    @Test(arguments: [(";", "semicolons"), ("\t", "tabs")])
    func aHeaderSeparatedOtherwiseIsNamed(separator: String, name: String) throws {
        // The sessions header with another separator: one field, which no table fits.
        let header = ["episode_id", "session_date", "session_type", "status", "scheduled_minutes"]
        let path = try TestFiles.write(header.joined(separator: separator) + "\nE1\n")
        #expect(throws: IngestFileError(file: "visits.csv", message: "the header is one field with \(name) between its "
                                        + "names: the file is separated by \(name), not commas; save it as "
                                        + "comma-separated CSV (UTF-8)")) {
            try TableFileReader(path: path, displayName: "visits.csv", mapping: nil, forcedTable: nil)
        }
        // A one-field header without either names the closest table, as before.
        #expect(TableDetector.otherSeparator(["episode_id"]) == nil)
        #expect(TableDetector.otherSeparator(["episode_id;program", "x"]) == nil)
    }

    @Test func forcedTableReportsItsMissingColumns() throws {
        let path = try TestFiles.write("patient_id,episode_id,program,admission_date\n")
        #expect {
            try TableFileReader(path: path, displayName: "e.csv", mapping: nil, forcedTable: .events)
        } throws: { error in
            String(describing: error) == "e.csv: the header lacks required events columns: event_date, event_type"
        }
    }

    @Test func emptyFileIsAnError() throws {
        let path = try TestFiles.write("")
        #expect(throws: IngestFileError.self) {
            try TableFileReader(path: path, displayName: "empty.csv", mapping: nil, forcedTable: nil)
        }
    }

    @Test func twoSourcesOfOneColumnIsAnError() throws {
        let mappingPath = try TestFiles.write("tables:\n  events:\n    columns:\n      MRN: patient_id\n", suffix: ".yaml")
        let path = try TestFiles.write("MRN,patient_id,event_date,event_type\n")
        #expect {
            try TableFileReader(path: path, displayName: "ev.csv", mapping: try Mapping.load(path: mappingPath), forcedTable: nil)
        } throws: { error in
            String(describing: error).contains("columns 'MRN' and 'patient_id' both give events column patient_id")
        }
    }

    @Test func missingFileIsAnErrorNamingIt() {
        #expect {
            try TableFileReader(path: "/nonexistent/nowhere.csv", displayName: "nowhere.csv", mapping: nil, forcedTable: nil)
        } throws: { error in
            String(describing: error).hasPrefix("nowhere.csv: cannot open")
        }
    }
}
