import Foundation
import Testing

/// The three reports from `SampleData/`, as a user makes them.
@Suite("reports, end to end", .serialized)
struct ReportEndToEndTests {
    static let sample = Executable.packageRoot.appendingPathComponent("SampleData").path

    /// A database loaded with the sample program.
    func loadedDatabase(_ folder: TemporaryFolder) throws -> String {
        let db = folder.path("p.sqlite")
        #expect(try Executable.run(["init", "--db", db]).status == 0)
        #expect(try Executable.run(["ingest", "--db", db, "--today", "2026-11-01", Self.sample]).status == 0)
        return db
    }

    func report(_ name: String, db: String, out: String) throws -> Executable.Result {
        try Executable.run(["report", name, "--db", db, "--period", "2026-10", "--out", out])
    }

    /// The text of each page (pdftotext separates pages with form feeds).
    func pages(_ pdf: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-layout", pdf, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\u{0C}").map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    @Test func everyReportBuildsWithItsSectionsAndAPlausiblePageCount() throws {
        let folder = try TemporaryFolder()
        let db = try loadedDatabase(folder)
        let expected: [(String, ClosedRange<Int>, [String])] = [
            ("monthly", 4...10, ["Summary", "Census", "Engagement", "Measurement fidelity", "Symptom outcomes", "Goal attainment",
                                 "Relapse indicators", "Watch list", "Discharges September 2026", "Discharges July 2026"]),
            ("qi-review", 4...12, ["Statistical process control", "Comparing tracks and sites", "Equity", "national reference"]),
            ("accreditation", 6...16, ["Contents", "Program description", "Methods", "Data completeness", "Provenance", "SHA-256"]),
        ]
        for (name, range, sections) in expected {
            let out = folder.path("\(name).pdf")
            let result = try report(name, db: db, out: out)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let data = try Data(contentsOf: URL(fileURLWithPath: out))
            #expect(data.starts(with: Data("%PDF-".utf8)))
            let text = try pages(out)
            #expect(range.contains(text.count), "\(name) has \(text.count) pages")
            for section in sections { #expect(text.joined().contains(section), "\(name) lacks '\(section)'") }
        }
    }

    @Test("report --reliable-change jacobson-truax analyses with it and says so in the provenance")
    func reportHonoursJacobsonTruax() throws {
        let folder = try TemporaryFolder()
        let db = try loadedDatabase(folder)
        let out = folder.path("a.pdf")
        let result = try Executable.run(["report", "accreditation", "--db", db, "--period", "2026-10", "--out", out,
                                         "--reliable-change", "jacobson-truax"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try pages(out).joined()
        #expect(text.contains("reliable change: jacobson-truax"))
        #expect(text.contains("--reliable-change jacobson-truax"))
        _ = try report("accreditation", db: db, out: folder.path("b.pdf"))
        #expect(try pages(folder.path("b.pdf")).joined().contains("reliable change: published"))
    }

    @Test func theWatchListIsInternalAndStampsEveryPage() throws {
        let folder = try TemporaryFolder()
        let db = try loadedDatabase(folder)
        _ = try report("monthly", db: db, out: folder.path("m.pdf"))
        let monthly = try pages(folder.path("m.pdf"))
        #expect(monthly.joined().contains("Watch list"))
        for (index, page) in monthly.enumerated() {
            #expect(page.contains("Contains protected health information"), "page \(index + 1) is not stamped")
        }
        for name in ["qi-review", "accreditation"] {
            _ = try report(name, db: db, out: folder.path("\(name).pdf"))
            let text = try pages(folder.path("\(name).pdf")).joined()
            #expect(!text.contains("Watch list"))
            #expect(!text.contains("protected health information"))
        }
    }

    @Test func theAccreditationPacketHoldsNoIdentifiers() throws {
        let folder = try TemporaryFolder()
        let db = try loadedDatabase(folder)
        _ = try report("accreditation", db: db, out: folder.path("a.pdf"))
        let text = try pages(folder.path("a.pdf")).joined()
        #expect(!text.contains("MRN"))
        #expect(text.range(of: #"\bE0\d{4,}"#, options: .regularExpression) == nil, "an episode id is printed")
        #expect(text.range(of: #"\bS0\d{6,}"#, options: .regularExpression) == nil, "a session id is printed")
    }

    @Test func aCohortOfSevenIsShownAsFewerThanEleven() throws {
        // Given a program with 7 episodes, all discharged in October 2026
        let folder = try TemporaryFolder()
        let db = folder.path("small.sqlite")
        let header = "patient_id,episode_id,program,site,level_of_care,admission_date,discharge_date,discharge_reason,"
            + "age_at_admission,sex,race,ethnicity,payer,referral_source,primary_dx,planned_weeks"
        let rows = (1...7).map { "P\($0),X\($0),adult-mh,north,IOP,2026-09-0\($0),2026-10-1\($0),completed,40,female,White,"
            + "Not Hispanic or Latino,Medicaid,self,F32.1,8" }
        try ([header] + rows).joined(separator: "\n").appending("\n").write(toFile: folder.path("episodes.csv"), atomically: true, encoding: .utf8)
        #expect(try Executable.run(["init", "--db", db]).status == 0)
        #expect(try Executable.run(["ingest", "--db", db, "--today", "2026-11-01", folder.path("episodes.csv")]).status == 0)
        // When the accreditation packet is made
        let result = try report("accreditation", db: db, out: folder.path("a.pdf"))
        // Then the discharges show as <11
        #expect(result.status == 0, "\(result.stderr)")
        let text = try pages(folder.path("a.pdf")).joined()
        #expect(text.contains("<11"))
        #expect(!text.contains("P1") || !text.contains("X1"))
    }

    @Test func anUnknownMetricFailsWithFileAndLine() throws {
        let folder = try TemporaryFolder()
        let db = try loadedDatabase(folder)
        let original = try String(contentsOfFile: Executable.packageRoot.appendingPathComponent("Reports/monthly.yaml").path, encoding: .utf8)
        let broken = original.replacingOccurrences(of: "metric: engagement.no_show_rate", with: "metric: engagement.no_shows")
        let path = folder.path("ours.yaml")
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let line = broken.components(separatedBy: "\n").firstIndex { $0.contains("engagement.no_shows") }.map { $0 + 1 } ?? 0
        let result = try report(path, db: db, out: folder.path("x.pdf"))
        #expect(result.status == 1)
        #expect(result.stderr.contains("ours.yaml:\(line):"), "\(result.stderr)")
        #expect(result.stderr.contains("engagement.no_shows"))
    }

    @Test func theChartsAreWrittenAsSVGOnRequest() throws {
        let folder = try TemporaryFolder()
        let db = try loadedDatabase(folder)
        var svgs: [[String: Data]] = []
        for run in ["a", "b"] {
            let result = try Executable.run(["report", "qi-review", "--db", db, "--period", "2026-10",
                                             "--out", folder.path("\(run)/qi-review.pdf"), "--svg-dir", folder.path("\(run)/charts")])
            #expect(result.status == 0, "\(result.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path("\(run)/charts")).sorted()
            #expect(names.count >= 8, "every SPC and funnel chart: \(names)")
            #expect(names.allSatisfy { $0.hasPrefix("qi-review-") && $0.hasSuffix(".svg") })
            svgs.append(try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: URL(fileURLWithPath: folder.path("\(run)/charts/\($0)")))) }))
        }
        #expect(svgs[0] == svgs[1], "SVG files are byte-identical across runs")
    }

    @Test func twoRunsGiveIdenticalBytes() throws {
        let folder = try TemporaryFolder()
        let db = try loadedDatabase(folder)
        // The provenance appendix prints the output file name, so both runs use the same one.
        for name in ["monthly", "accreditation"] {
            _ = try report(name, db: db, out: folder.path("run1/\(name).pdf"))
            _ = try report(name, db: db, out: folder.path("run2/\(name).pdf"))
            let first = try Data(contentsOf: URL(fileURLWithPath: folder.path("run1/\(name).pdf")))
            let second = try Data(contentsOf: URL(fileURLWithPath: folder.path("run2/\(name).pdf")))
            #expect(!first.isEmpty)
            #expect(first == second, "\(name) differs between runs")
        }
    }
}
