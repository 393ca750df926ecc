import OutcomesCore

extension DirtyRows {
    static let goals = DirtyFile(table: .goals, header: CanonicalTable.goals.columns, rows: [
        .loaded("E900001,G1,symptoms,2,-1,1,2026-09-25", "clean"),
        .loaded("E900001,G2,coping,,-2,0,2026-09-25", "clean, blank weight"),
        .loaded("E900002,G1,sobriety,3,-1,,", "clean, not yet rated"),
        .loaded("E900003,G1,safety,1,-1,-1,2026-08-14", "clean"),
        .duplicate("E900001,G1,symptoms,2,-1,1,2026-09-25", "identical repeat of row 2"),
        .updated("E900002,G1,sobriety,3,-1,0,2026-10-23", "same goal as row 4, rated at discharge"),
        .rejected(.missingField, "goal_id", "E900001,,relationships,1,-1,0,2026-09-25", "goal_id blank"),
        .rejected(.unknownEpisode, "episode_id", "E900099,G1,symptoms,1,-1,0,2026-09-25", "no episode E900099"),
        .rejected(.badNumber, "weight", "E900003,G3,relationships,high,-1,0,2026-08-14", "weight in words"),
        .rejected(.badDate, "rated_on", "E900001,G3,work-school,1,-1,0,2026/09/25", "slashes in an ISO date"),
        .rejected(.futureDate, "rated_on", "E900012,G1,symptoms,1,-1,0,2026-11-20", "rated after --today"),
        .rejected(.outOfRange, "attained_level", "E900003,G2,coping,1,-1,3,2026-08-14", "levels are -2 to +2"),
    ])

    static let events = DirtyFile(table: .events, header: CanonicalTable.events.columns, rows: [
        .loaded("MRN900001,2026-10-10,ed_visit,hie", "clean"),
        .loaded("MRN900003,2026-08-14,php_admission,ehr", "clean"),
        .loaded("MRN900002,2026-09-28,positive_tox,\"lab, regional\"", "clean, quoted comma"),
        .loaded("MRN900003,2026-09-02,crisis_contact,\"crisis line \"\"988\"\"\"", "clean, escaped quotes"),
        .duplicate("MRN900001,2026-10-10,ed_visit,hie", "identical repeat of row 2"),
        .updated("MRN900003,2026-08-14,php_admission,hie", "same patient, date and type as row 3, other source"),
        .rejected(.missingField, "patient_id", ",2026-10-01,ed_visit,hie", "patient_id blank"),
        .rejected(.badDate, "event_date", "MRN900001,10/12/2026,ed_visit,hie", "US date in an ISO file"),
        .rejected(.futureDate, "event_date", "MRN900001,2026-12-01,ed_visit,hie", "after --today"),
        .rejected(.unknownCode, "event_type", "MRN900001,2026-10-15,relapse,ehr", "relapse is not an event type"),
        .rejected(.invalidUTF8, "source", "MRN900001,2026-10-16,ed_visit,h", raw: [0xC3, 0x28], "ie",
                  "0xC3 0x28: a lead byte without its continuation"),
    ])
}
