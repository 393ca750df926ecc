import OutcomesCore
import Testing
@testable import OutcomesAnalysis

/// `iop-outcomes reference`: metric definitions and instruments as reports print them.
@Suite("Reference tables")
struct ReferenceTextTests {
    @Test("instruments: PHQ-9's published scoring, thresholds, bands and LOINC codes, one CSV row")
    func phq9() {
        // Kroenke 2001 bands and caseness >= 10; NHS Talking Therapies reliable change 6 points;
        // response is a 50% fall, remission below 5; panel 44249-1, total 44261-6.
        let csv = ReferenceText.instruments(.builtIn).csv.components(separatedBy: "\r\n")
        #expect(csv.contains("""
            PHQ-9,Patient Health Questionnaire-9,9,0-27,higher_is_worse,10,6,NHS Talking Therapies manual: reliable \
            change on PHQ-9 is 6 points,0.89,0.5,5,minimal 0-4; mild 5-9; moderate 10-14; moderately severe 15-19; \
            severe 20-27,44249-1,44261-6
            """))
        // header, rows, the empty string after the last CRLF
        #expect(csv.count == InstrumentRegistry.builtIn.codes.count + 2)
    }

    @Test("instruments JSON: thresholds as numbers, a value not given as null")
    func instrumentsJSON() {
        let json = ReferenceText.instruments(.builtIn).json
        #expect(json.contains(#""code": "PHQ-9", "name": "Patient Health Questionnaire-9", "#
                              + #""items": 9, "total_range": "0-27""#))
        #expect(json.contains(#""reliable_change_points": 6, "#) && json.contains(#""reliability": 0.89, "#))
        #expect(json.contains(#""code": "AUDIT""#) && json.contains(#""reliable_change_points": null"#))
    }

    @Test("metrics: every definition once, in registry order, with its unit and definition")
    func metrics() {
        let text = ReferenceText.metrics()
        #expect(text.rows.count == MetricRegistry.all.count)
        #expect(text.rows.first == ["census.admissions", "count", "Admissions", "episodes",
                                    "Episodes admitted in the period."])
        #expect(text.rows.contains { $0[0] == "outcomes.<INSTRUMENT>.recovery_rate" })
        #expect(text.table.hasPrefix("census.admissions\n    kind: count\n    label: Admissions\n"))
    }

    @Test("CSV cells follow the injection rule")
    func injection() {
        let text = ReferenceText(columns: ["id", "definition"], rows: [["=1+1", "-2"]], listName: "x")
        #expect(text.csv == "id,definition\r\n'=1+1,'-2\r\n")
    }
}
