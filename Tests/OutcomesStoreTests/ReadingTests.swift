import Testing
import OutcomesCore
@testable import OutcomesStore

@Suite("Reading back what was stored")
struct ReadingTests {
    @Test func everyRecordRoundTrips() throws {
        // Given one record of each table, with every optional field set
        let key = String(repeating: "b", count: 64)
        let day = { (text: String) in Day(iso: text)! }
        let episode = Episode(patientKey: key, episodeID: "E1", program: "sud", site: "downtown", levelOfCare: .php,
                              admissionDate: day("2026-09-01"), dischargeDate: day("2026-10-20"), dischargeReason: .ama,
                              ageAtAdmission: 17, sex: "female", race: "Asian", ethnicity: "Not Hispanic or Latino",
                              payer: "Medicaid", referralSource: "self", primaryDx: "F10.20", plannedWeeks: 8)
        let session = Session(sessionID: "S1", episodeID: "E1", date: day("2026-09-02"), type: .family, modality: .telehealth,
                              status: .leftEarly, scheduledMinutes: 60, attendedMinutes: 40, staffID: "T9")
        let assessment = Assessment(episodeID: "E1", assessedOn: day("2026-09-02"), instrument: "PHQ-9",
                                    items: [1, 2, nil, 3, 0, 1, 2, 1, 0], score: 11, scoring: .prorated, timepoint: .intake)
        let goal = Goal(episodeID: "E1", goalID: "G1", domain: "sobriety", weight: 2.5, baselineLevel: -2, attainedLevel: 1,
                        ratedOn: day("2026-10-20"))
        let event = ClinicalEvent(patientKey: key, date: day("2026-10-25"), type: .edVisit, source: "claims")
        let db = try OutcomesDatabase.inMemory()
        for (table, record) in [(CanonicalTable.episodes, PreparedRecord(episode)), (.sessions, PreparedRecord(session)),
                                (.assessments, PreparedRecord(assessment)), (.goals, PreparedRecord(goal)), (.events, PreparedRecord(event))] {
            _ = try db.loadRun(dryRun: false) { run in
                try run.loadFile(file: "\(table).csv", table: table, sha256: String(repeating: "c", count: 64),
                                 parameters: "{}", softwareVersion: "t", loadedAt: "t") { try $0.store(record) }
            }
        }
        // When read back, Then every field is as stored
        #expect(try db.episodes() == [episode])
        // And as a stored row: the key and the eight texts as their bytes, the rest decoded
        var rows: [[String?]] = []
        try db.forEachEpisodeRow { row in
            let text = { (bytes: UnsafeBufferPointer<UInt8>?) in bytes.map { String(decoding: $0, as: UTF8.self) } }
            rows.append([text(row.patientKey), row.episodeID] + row.texts.indices.map { text(row.texts[$0]) })
            #expect(row.number == 1 && row.levelOfCare == .php && row.admissionDate == day("2026-09-01"))
            #expect(row.dischargeDate == day("2026-10-20") && row.dischargeReason == .ama)
            #expect(row.ageAtAdmission == 17 && row.plannedWeeks == 8)
        }
        #expect(rows == [[key, "E1", "sud", "downtown", "female", "Asian", "Not Hispanic or Latino", "Medicaid", "self",
                          "F10.20"]])
        var sessions: [Session] = []
        try db.forEachSession { sessions.append($0) }
        #expect(sessions == [session])
        var withItems: [Assessment] = []
        try db.forEachAssessment(includingItems: true) { withItems.append($0) }
        #expect(withItems == [assessment])
        var scoresOnly: [Assessment] = []
        try db.forEachAssessment(includingItems: false) { scoresOnly.append($0) }
        #expect(scoresOnly.first?.items == [])
        #expect(scoresOnly.first?.score == 11)
        #expect(try db.goals() == [goal])
        var events: [ClinicalEvent] = []
        try db.forEachEvent { events.append($0) }
        #expect(events == [event])
        // And a session window leaves out sessions outside it
        var none: [Session] = []
        try db.forEachSession(in: Period(from: day("2026-10-01"), to: day("2026-10-31"))) { none.append($0) }
        #expect(none.isEmpty)
    }

    @Test func windowsIncludeTheirFirstAndLastDays() throws {
        // E1 from 2026-01-05 to 2026-03-31, E2 from 2026-04-01 (active), E3 from 2026-06-01 to
        // 2026-06-30; events on 2026-03-31, 2026-04-01 and 2026-07-01.
        let key = String(repeating: "a", count: 64)
        let day = { (text: String) in Day(iso: text)! }
        let episodes = [
            Episode(patientKey: key, episodeID: "E1", program: "sud", admissionDate: day("2026-01-05"),
                    dischargeDate: day("2026-03-31"), dischargeReason: .completed),
            Episode(patientKey: key, episodeID: "E2", program: "sud", admissionDate: day("2026-04-01")),
            Episode(patientKey: key, episodeID: "E3", program: "sud", admissionDate: day("2026-06-01"),
                    dischargeDate: day("2026-06-30"), dischargeReason: .completed),
        ]
        let events = ["2026-03-31", "2026-04-01", "2026-07-01"].map {
            ClinicalEvent(patientKey: key, date: day($0), type: .edVisit, source: nil)
        }
        let db = try OutcomesDatabase.inMemory()
        for (table, records) in [(CanonicalTable.episodes, episodes.map { PreparedRecord($0) }),
                                 (.events, events.map { PreparedRecord($0) })] {
            _ = try db.loadRun(dryRun: false) { run in
                try run.loadFile(file: "\(table).csv", table: table, sha256: String(repeating: "c", count: 64),
                                 parameters: "{}", softwareVersion: "t", loadedAt: "t") { load in
                    for record in records { try load.store(record) }
                }
            }
        }
        // Open in 2026-03-31...2026-06-01: E1 (discharged on the first day), E2, E3 (admitted on the last)
        var open: [String] = []
        try db.forEachNumberedEpisode(open: Period(from: day("2026-03-31"), to: day("2026-06-01"))) { episode, _ in
            open.append(episode.episodeID)
        }
        #expect(open == ["E1", "E2", "E3"])
        // The same three as rows, their texts but the program not recorded
        var rows: [(String, [Bool])] = []
        try db.forEachEpisodeRow(open: Period(from: day("2026-03-31"), to: day("2026-06-01"))) { row in
            rows.append((row.episodeID, row.texts.indices.map { row.texts[$0] == nil }))
        }
        #expect(rows.map(\.0) == ["E1", "E2", "E3"])
        #expect(rows.allSatisfy { $0.1 == [false] + Array(repeating: true, count: 7) })
        // Open in 2026-04-01...2026-05-31: E2 only (E1 ended the day before, E3 starts the day after)
        let april = Period(from: day("2026-04-01"), to: day("2026-05-31"))
        let spans = try db.episodeSpansByNumber(open: april).spans
        #expect(spans == [EpisodeSpan(admission: day("2026-04-01"), discharge: nil)])
        // Events dated 2026-03-31...2026-04-01: the first two
        var dated: [Day] = []
        try db.forEachEvent(in: Period(from: day("2026-03-31"), to: day("2026-04-01"))) { dated.append($0.date) }
        #expect(dated == [day("2026-03-31"), day("2026-04-01")])
    }
}
