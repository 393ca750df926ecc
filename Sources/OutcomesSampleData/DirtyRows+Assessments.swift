import OutcomesCore

extension DirtyRows {
    /// An assessment line: items are padded with blanks to the 20 item columns.
    private static func score(_ episode: String, _ day: String, _ instrument: String, _ items: [String],
                              total: String, _ timepoint: String) -> String {
        let padded = items + Array(repeating: "", count: CanonicalWriter.itemColumns - items.count)
        return ([episode, day, instrument] + padded + [total, timepoint]).joined(separator: ",")
    }

    private static let intake = score("E900001", "2026-08-03", "PHQ-9", ["2", "2", "2", "2", "2", "2", "1", "1", "1"],
                                      total: "15", "intake")

    static let assessments = DirtyFile(table: .assessments, header: CanonicalWriter.assessmentColumns, rows: [
        .loaded(intake, "clean, items sum to 15"),
        .loaded(score("E900001", "2026-09-25", "PHQ-9", ["1", "1", "1", "1", "1", "1", "0", "0", "0"],
                      total: "6", "discharge"), "clean"),
        .loaded(score("E900001", "2026-08-03", "GAD-7", ["2", "2", "2", "1", "1", "1", "1"], total: "10", "intake"),
                "clean"),
        .loaded(score("E900003", "2026-07-06", "PCL-5", [], total: "48", "intake"), "clean, total only"),
        .loaded(score("E900001", "2026-08-10", "PHQ-9", ["2", "", "2", "2", "2", "2", "1", "", "1"],
                      total: "15", "weekly"), "clean, 2 blank items: 12 x 9 / 7 = 15.4, prorated to 15"),
        .rejected(.totalMismatch, "total",
                  score("E900001", "2026-08-17", "PHQ-9", ["2", "2", "2", "2", "2", "1", "1", "1", "1"],
                        total: "16", "weekly"), "items sum to 14, total says 16"),
        .rejected(.outOfRange, "item_4",
                  score("E900001", "2026-08-24", "PHQ-9", ["2", "2", "2", "4", "1", "1", "1", "1", "1"],
                        total: "", "weekly"), "PHQ-9 items are 0-3"),
        .rejected(.tooManyMissingItems, "item_1, item_3, item_5",
                  score("E900001", "2026-08-31", "PHQ-9", ["", "2", "", "2", "", "2", "1", "1", "1"],
                        total: "", "weekly"), "3 blank items; PHQ-9 prorates at most 2"),
        .rejected(.unknownCode, "instrument", score("E900001", "2026-09-07", "PHQ9", [], total: "12", "weekly"),
                  "PHQ9 is not a registry code (PHQ-9 is)"),
        .rejected(.badNumber, "total", score("E900001", "2026-09-14", "PHQ-9", [], total: "twelve", "weekly"),
                  "total in words"),
        .rejected(.unknownEpisode, "episode_id", score("E900099", "2026-08-03", "PHQ-9", [], total: "12", "intake"),
                  "no episode E900099"),
        .rejected(.outOfRange, "total", score("E900003", "2026-08-10", "GAD-7", [], total: "25", "weekly"),
                  "GAD-7 totals are 0-21"),
        .duplicate(intake, "identical repeat of row 2"),
        .updated(score("E900001", "2026-09-25", "PHQ-9", ["1", "1", "1", "1", "1", "1", "1", "0", "0"],
                       total: "7", "discharge"), "same episode, instrument and date as row 3, item 7 corrected"),
        .rejected(.unknownCode, "timepoint", score("E900003", "2026-07-13", "GAD-7", [], total: "9", "baseline"),
                  "baseline is not a timepoint (intake is)"),
        .rejected(.futureDate, "assessed_on", score("E900012", "2026-11-05", "PHQ-9", [], total: "9", "weekly"),
                  "after --today"),
        .rejected(.missingField, "assessed_on", score("E900001", "", "PHQ-9", [], total: "9", "weekly"),
                  "date blank"),
        .rejected(.badDate, "assessed_on", score("E900001", "2026-13-01", "PHQ-9", [], total: "9", "weekly"),
                  "month 13"),
        .rejected(.malformedRow, nil, "E900001,\"2026-09-21,PHQ-9,,,,,,,,,,,,,,,,,,,,,9,weekly",
                  "opening quote never closed (last row, runs to the end of the file)"),
    ])
}
