import Foundation
import OutcomesCore
import Testing
@testable import OutcomesSampleData

/// A 200-episode program written once and read back from its CSVs.
struct Generated {
    static let shared = try! Generated(episodes: 200)

    let endDate = Day(iso: "2026-10-31")!
    let episodes: [[String: String]]
    let sessions: [[String: String]]
    let assessments: [[String: String]]
    let goals: [[String: String]]
    let events: [[String: String]]

    init(episodes count: Int) throws {
        let directory = try temporaryDirectory("shape")
        try SampleProgram(episodes: count, seed: 2026, endDate: endDate).writeCanonical(to: directory)
        func read(_ name: String) throws -> [[String: String]] { try CSVTable(path: "\(directory)/\(name).csv").dictionaries }
        episodes = try read("episodes")
        sessions = try read("sessions")
        assessments = try read("assessments")
        goals = try read("goals")
        events = try read("events")
    }

    func share<T>(_ rows: [T], _ predicate: (T) -> Bool) -> Double {
        Double(rows.filter(predicate).count) / Double(rows.count)
    }
}

@Suite("Sample program shape, measured from the CSVs")
struct ShapeTests {
    let data = Generated.shared

    @Test func tracksSitesAndLevels() {
        #expect(data.episodes.count == 200)
        #expect((4...6).contains(Set(data.episodes.map { $0["program"] ?? "" }).count))
        #expect(Set(data.episodes.map { $0["site"] ?? "" }).count >= 2)
        #expect(Set(data.episodes.map { $0["level_of_care"] ?? "" }) == ["IOP", "PHP"])
        #expect(data.share(data.episodes) { $0["level_of_care"] == "IOP" } > 0.7)
    }

    @Test func dischargeMix() {
        let discharged = data.episodes.filter { $0["discharge_date"] != "" }
        #expect(discharged.count < data.episodes.count, "some episodes are still active")
        #expect(discharged.allSatisfy { DischargeReason(rawValue: $0["discharge_reason"] ?? "") != nil })
        #expect((0.5...0.72).contains(data.share(discharged) { $0["discharge_reason"] == "completed" }))
        #expect((0.12...0.38).contains(data.share(discharged) { $0["discharge_reason"] == "ama" || $0["discharge_reason"] == "lost_to_contact" }))
        #expect(data.episodes.filter { $0["discharge_date"] == "" }.allSatisfy { $0["discharge_reason"] == "" })
    }

    @Test func attendanceAndTelehealth() {
        let scheduled = data.sessions.filter { $0["status"] != "cancelled_program" }
        let attended = data.share(scheduled) { SessionStatus(rawValue: $0["status"] ?? "")?.isAttended == true }
        #expect((0.7...0.9).contains(attended))
        #expect((0.18...0.32).contains(data.share(data.sessions) { $0["modality"] == "telehealth" }))
        #expect(data.share(data.sessions) { $0["session_type"] == "group" } > 0.5)
        #expect(Set(data.sessions.map { $0["status"] ?? "" }).count == SessionStatus.allCases.count)
    }

    @Test("every date is on or before the end date and every session inside its episode")
    func dates() throws {
        let end = data.endDate.description
        let byID = Dictionary(uniqueKeysWithValues: data.episodes.map { ($0["episode_id"] ?? "", $0) })
        for session in data.sessions {
            let episode = try #require(byID[session["episode_id"] ?? ""])
            let date = session["session_date"] ?? ""
            #expect(date >= episode["admission_date"] ?? "" && date <= end)
            if let discharge = episode["discharge_date"], !discharge.isEmpty { #expect(date <= discharge) }
        }
        let dates = data.episodes.flatMap { [$0["admission_date"], $0["discharge_date"]] }
            + data.assessments.map { $0["assessed_on"] } + data.goals.map { $0["rated_on"] }
            + data.events.map { $0["event_date"] }
        for date in dates.compactMap({ $0 }) where !date.isEmpty {
            #expect(Day(iso: date) != nil && date <= end, "\(date)")
        }
        for assessment in data.assessments { #expect(byID[assessment["episode_id"] ?? ""] != nil) }
        for goal in data.goals { #expect(byID[goal["episode_id"] ?? ""] != nil) }
    }

    @Test("totals equal the scored sum of the items (prorated where items are blank)")
    func totals() throws {
        var itemRows = 0
        for row in data.assessments {
            let instrument = try #require(InstrumentRegistry.builtIn[row["instrument"] ?? ""])
            let total = try #require(Score(row["total"] ?? ""))
            #expect(instrument.totalRange.contains(total))
            let items = (1...instrument.itemCount).map { Score(row["item_\($0)"] ?? "") }
            #expect((instrument.itemCount..<20).allSatisfy { row["item_\($0 + 1)"] == "" })
            guard items.contains(where: { $0 != nil }) else { continue }
            itemRows += 1
            guard case .scored(let scored, _) = instrument.score(items: items) else {
                Issue.record("unscorable items in \(row)")
                continue
            }
            #expect(scored == total)
        }
        #expect(Double(itemRows) / Double(data.assessments.count) > 0.9, "most rows carry items")
    }

    @Test("PHQ-9 starts around 15 and completers improve by about 6 points")
    func symptomCourse() throws {
        let phq = Dictionary(grouping: data.assessments.filter { $0["instrument"] == "PHQ-9" }) { $0["episode_id"] ?? "" }
        let baselines = phq.values.compactMap { $0.first { $0["timepoint"] == "intake" }.flatMap { Int($0["total"] ?? "") } }
        let mean = Double(baselines.reduce(0, +)) / Double(baselines.count)
        #expect((13.5...16.5).contains(mean))
        var changes: [Int] = []
        for episode in data.episodes where episode["discharge_reason"] == "completed" {
            let rows = (phq[episode["episode_id"] ?? ""] ?? []).filter { $0["timepoint"] != "followup_30" && $0["timepoint"] != "followup_90" }
            guard rows.count > 1, let first = Int(rows[0]["total"] ?? ""), let last = Int(rows[rows.count - 1]["total"] ?? "") else { continue }
            #expect(rows[0]["timepoint"] == "intake")
            changes.append(last - first)
        }
        let meanChange = Double(changes.reduce(0, +)) / Double(changes.count)
        #expect((-8.5 ... -4).contains(meanChange))
    }

    @Test("natural keys are unique, readmissions reuse a patient id")
    func keys() {
        func unique(_ rows: [[String: String]], _ columns: [String]) -> Bool {
            Set(rows.map { row in columns.map { row[$0] ?? "" }.joined(separator: "|") }).count == rows.count
        }
        #expect(unique(data.episodes, ["episode_id"]))
        #expect(unique(data.sessions, ["session_id"]))
        #expect(unique(data.sessions, ["episode_id", "session_date", "session_type"]))
        #expect(unique(data.assessments, ["episode_id", "instrument", "assessed_on"]))
        #expect(unique(data.goals, ["episode_id", "goal_id"]))
        #expect(unique(data.events, ["patient_id", "event_date", "event_type"]))
        #expect(Set(data.episodes.map { $0["patient_id"] ?? "" }).count < data.episodes.count)
        #expect(data.episodes.allSatisfy { ($0["patient_id"] ?? "").hasPrefix("MRN") && ($0["episode_id"] ?? "").hasPrefix("E") })
    }
}
