import Foundation
import GRDB
import Testing

/// `ingest --reload`: a file loaded before its last episodes is read again once they are, and
/// adds the rows it could not load then without taking back what later loads changed.
@Suite("ingest --reload, end to end", .serialized)
struct ReloadEndToEndTests {
    static let episodeHeader = "patient_id,episode_id,program,site,level_of_care,admission_date,discharge_date,"
        + "discharge_reason,age_at_admission,sex,race,ethnicity,payer,referral_source,primary_dx,planned_weeks\n"
    static let sessionHeader = "session_id,episode_id,session_date,session_type,modality,status,scheduled_minutes,"
        + "attended_minutes,staff_id\n"

    /// Episode `id` of patient `patient`, admitted 2026-09-01 and discharged 2026-10-20.
    static func episode(_ id: String, _ patient: String) -> String {
        "\(patient),\(id),adult-mh,lakeview,IOP,2026-09-01,2026-10-20,completed,40,female,White,"
            + "Not Hispanic or Latino,Medicaid,self,F32.1,8\n"
    }

    /// Session `id` of episode `episode` on `date`, 180 of 180 minutes attended unless `attended`.
    static func session(_ id: String, _ episode: String, _ date: String, attended: Int = 180) -> String {
        "\(id),\(episode),\(date),group,in_person,attended,180,\(attended),L01\n"
    }

    struct Summary: Decodable {
        struct File: Decodable {
            var counts: LoadCounts
            var already_loaded: Bool
            var reload_of: Int64?

            private enum Key: String, CodingKey { case already_loaded, reload_of }

            init(from decoder: any Decoder) throws {
                counts = try LoadCounts(from: decoder)
                let container = try decoder.container(keyedBy: Key.self)
                already_loaded = try container.decode(Bool.self, forKey: .already_loaded)
                reload_of = try container.decodeIfPresent(Int64.self, forKey: .reload_of)
            }
        }

        var files: [File]
    }

    func ingest(_ db: String, _ arguments: [String]) throws -> (Executable.Result, [Summary.File]) {
        let result = try Executable.run(["ingest", "--db", db, "--format", "json", "--today", "2026-11-01"] + arguments)
        let files = (try? JSONDecoder().decode(Summary.self, from: Data(result.stdout.utf8)).files) ?? []
        return (result, files)
    }

    @Test func aReloadAddsTheRowsRejectedForWantOfEpisodesAndKeepsLaterCorrections() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        let write = { (name: String, text: String) in
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder.path(name)))
        }
        try write("episodes-a.csv", Self.episodeHeader + Self.episode("E1", "P1"))
        try write("episodes-b.csv", Self.episodeHeader + Self.episode("E2", "P2"))
        try write("episodes-c.csv", Self.episodeHeader + Self.episode("E3", "P3"))
        try write("sessions.csv", Self.sessionHeader + Self.session("S1", "E1", "2026-09-02")
                  + Self.session("S2", "E1", "2026-09-03") + Self.session("S3", "E2", "2026-09-04"))
        // A later export corrects S1: 120 of its 180 minutes attended.
        try write("correction.csv", Self.sessionHeader + Self.session("S1", "E1", "2026-09-02", attended: 120))
        try Executable.run(["init", "--db", db])

        // Load 1: E1; load 2: sessions, S3 rejected (E2 not loaded): read 3 = 2 loaded + 1 rejected.
        let (_, first) = try ingest(db, [folder.path("episodes-a.csv"), folder.path("sessions.csv")])
        #expect(first.map(\.counts.loaded) == [1, 2])
        #expect(first.last?.counts.rejects_by_reason == ["unknown_episode": 1])
        // Load 3: E2; load 4: the correction updates S1. The new episode brings a note naming load 2.
        let (laterRun, later) = try ingest(db, [folder.path("episodes-b.csv"), folder.path("correction.csv")])
        #expect(later.map(\.counts.loaded) == [1, 0] && later.last?.counts.updated == 1)
        let sessions = folder.path("sessions.csv")
        #expect(laterRun.stderr.contains("note: rows loaded before were rejected for want of their episode ("
                                         + "\(sessions) (sessions, load 2): 1 row); now that episodes were loaded, "
                                         + "`ingest --reload` that file to try them again"))
        // Load 5: E3. The note is said once, not after every later episodes load.
        let (quietRun, _) = try ingest(db, [folder.path("episodes-c.csv")])
        #expect(quietRun.status == 0 && !quietRun.stderr.contains("note:"))

        // Without --reload the same bytes are a no-op that says how to try the rejected row again.
        let plain = try Executable.run(["ingest", "--db", db, "--today", "2026-11-01", folder.path("sessions.csv")])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("already loaded (load 2, same SHA-256): nothing changed; 1 row was rejected "
                                      + "then: --reload tries it again"))

        // Load 6, a reload of load 2: read 3 = 1 loaded (S3) + 2 duplicates (S2 as stored; S1 kept as corrected).
        let (reload, files) = try ingest(db, ["--reload", folder.path("sessions.csv")])
        #expect(reload.status == 0, "\(reload.stderr)")
        let summary = try #require(files.first)
        #expect(!summary.already_loaded && summary.reload_of == 2)
        let counts: [Int] = [summary.counts.read, summary.counts.loaded, summary.counts.updated,
                             summary.counts.duplicates, summary.counts.rejected]
        #expect(counts == [3, 1, 0, 2, 0])

        let stored = try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: "SELECT session_id, attended_minutes, load_id FROM session ORDER BY session_id")
                .map { "\($0[0] as String) \($0[1] as Int) load \($0[2] as Int)" }
        }
        #expect(stored == ["S1 120 load 4", "S2 180 load 2", "S3 180 load 6"])
        let log = try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: "SELECT id, reload_of FROM load_log ORDER BY id")
                .map { "\($0[0] as Int):\($0[1] as Int? ?? 0)" }
        }
        #expect(log == ["1:0", "2:0", "3:0", "4:0", "5:0", "6:2"])
        #expect(try DatabaseInvariants.violations(at: db) == [])

        // The load log names the reload; loading it once more (load 7) finds every row stored.
        let loads = try Executable.run(["loads", "--db", db])
        #expect(loads.stdout.contains("    reload of load 2: rows stored before count as duplicates"))
        let (_, again) = try ingest(db, ["--reload", folder.path("sessions.csv")])
        #expect(again.first.map { [$0.counts.loaded, $0.counts.duplicates, $0.counts.rejected] } == [0, 3, 0])
        #expect(again.first?.reload_of == 2)
    }

    @Test func aReloadOfAFileNeverLoadedIsItsFirstLoad() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        try Data((Self.episodeHeader + Self.episode("E1", "P1")).utf8)
            .write(to: URL(fileURLWithPath: folder.path("episodes.csv")))
        try Executable.run(["init", "--db", db])
        let (result, files) = try ingest(db, ["--reload", folder.path("episodes.csv")])
        #expect(result.status == 0)
        #expect(files.first.map { [$0.counts.read, $0.counts.loaded] } == [1, 1])
        #expect(files.first?.reload_of == nil)
        // Its first load is then the one a plain load finds.
        let (_, again) = try ingest(db, [folder.path("episodes.csv")])
        #expect(again.first?.already_loaded == true)
    }
}
