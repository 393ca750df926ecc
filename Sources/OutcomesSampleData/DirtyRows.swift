import OutcomesCore

/// The hand-written rows of the dirty sample. Clean episodes E900001 (2026-08-03 to
/// 2026-09-25), E900002 (from 2026-09-14; discharged 2026-10-23 by its update row), E900003
/// (2026-07-06 to 2026-08-14) and E900012 (active from 2026-10-12); every other row breaks
/// exactly one rule of SPEC section 3, loaded with `--today 2026-11-01`.
enum DirtyRows {
    static let files: [DirtyFile] = [episodes, sessions, assessments, goals, events]

    private static let tail = ",45,female,White,Not Hispanic or Latino,Commercial,self,F33.1,8"
    private static let episode1 = "MRN900001,E900001,adult-mh,riverside,IOP,2026-08-03,2026-09-25,completed,34,female,"
        + "White,Not Hispanic or Latino,Commercial,primary care,F33.1,8"
    private static let episode2 = "MRN900002,E900002,sud,downtown,IOP,2026-09-14,,,41,male,Black or African American,"
        + "Not Hispanic or Latino,Medicaid,\"court, probation\",F10.20,10"

    static let episodes = DirtyFile(table: .episodes, header: CanonicalTable.episodes.columns, rows: [
        .loaded(episode1, "clean, completed"),
        .loaded(episode2, "clean, active; a quoted field with a comma"),
        .loaded("MRN900003,E900003,trauma,riverside,PHP,2026-07-06,2026-08-14,step_up,28,female,Asian,"
                + "Not Hispanic or Latino,Commercial,outpatient therapist,F43.10,6", "clean, stepped up"),
        .loaded("MRN900012,E900012,adolescent,lakeview,IOP,2026-10-12,,,15,male,White,Hispanic or Latino,Medicaid,"
                + "school,F32.1,8", "clean, active"),
        .rejected(.missingField, "program", "MRN900004,E900004,,riverside,IOP,2026-08-10,," + tail, "program blank"),
        .rejected(.badDate, "admission_date", "MRN900005,E900005,adult-mh,riverside,IOP,2026-02-30,," + tail,
                  "February 30th"),
        .rejected(.futureDate, "admission_date", "MRN900006,E900006,adult-mh,downtown,IOP,2026-11-15,," + tail,
                  "admitted after --today"),
        .rejected(.dischargeBeforeAdmission, "discharge_date",
                  "MRN900007,E900007,adult-mh,downtown,IOP,2026-09-01,2026-08-20,completed" + tail,
                  "discharged 12 days before admission"),
        .rejected(.unknownCode, "level_of_care", "MRN900008,E900008,adult-mh,downtown,iop,2026-09-07,," + tail,
                  "codes are case-sensitive: iop is not IOP"),
        .rejected(.badNumber, "age_at_admission",
                  "MRN900009,E900009,sud,downtown,IOP,2026-09-08,,,forty,male,White,Not Hispanic or Latino,"
                  + "Medicaid,self,F10.20,8", "age written in words"),
        .rejected(.missingField, "discharge_date", "MRN900010,E900010,trauma,riverside,IOP,2026-08-17,,completed" + tail,
                  "discharge reason without a discharge date"),
        .duplicate(episode1, "identical repeat of row 2"),
        .updated("MRN900002,E900002,sud,downtown,IOP,2026-09-14,2026-10-23,completed,41,male,Black or African American,"
                 + "Not Hispanic or Latino,Medicaid,\"court, probation\",F10.20,10",
                 "same episode_id as row 3, now discharged"),
        .rejected(.invalidUTF8, "site", "MRN900011,E900011,adult-mh,riverside", raw: [0xFF],
                  ",IOP,2026-09-21,," + tail, "byte 0xFF after riverside"),
        .rejected(.malformedRow, nil, "MRN900013,E900013,adult-mh,riverside,IOP,2026-09-21",
                  "6 fields instead of 16"),
    ])

    private static let session2 = "S900002,E900001,2026-08-04,individual,telehealth,no_show,50,,S102"

    static let sessions = DirtyFile(table: .sessions, header: CanonicalTable.sessions.columns, rows: [
        .loaded("S900001,E900001,2026-08-03,group,in_person,attended,180,180,S101", "clean, on the admission day"),
        .loaded(session2, "clean"),
        .loaded("S900003,E900001,2026-09-25,group,in_person,late,180,150,S101", "clean, on the discharge day"),
        .loaded("S900004,E900002,2026-10-05,group,in_person,attended,180,180,S201", "clean"),
        .loaded("S900005,E900003,2026-07-07,psychiatry,telehealth,cancelled_program,30,,S103", "clean"),
        .duplicate(session2, "identical repeat of row 3"),
        .updated("S900002,E900001,2026-08-04,individual,telehealth,cancelled_patient,50,,S102",
                 "same session_id as row 3, status changed"),
        .rejected(.missingField, "status", "S900007,E900001,2026-08-05,group,in_person,,180,180,S101", "status blank"),
        .rejected(.badDate, "session_date", "S900008,E900001,08/05/2026,group,in_person,attended,180,180,S101",
                  "US date in an ISO file"),
        .rejected(.futureDate, "session_date", "S900009,E900012,2026-11-03,group,in_person,attended,120,120,S301",
                  "after --today, in an active episode"),
        .rejected(.unknownCode, "session_type", "S900010,E900001,2026-08-06,yoga,in_person,attended,60,60,S101",
                  "yoga is not a session type"),
        .rejected(.badNumber, "scheduled_minutes", "S900011,E900001,2026-08-06,group,in_person,attended,180m,,S101",
                  "minutes with a unit"),
        .rejected(.unknownEpisode, "episode_id", "S900012,E900099,2026-08-06,group,in_person,attended,180,180,S101",
                  "no episode E900099"),
        .rejected(.outsideEpisode, "session_date", "S900013,E900001,2026-07-31,group,in_person,attended,180,180,S101",
                  "3 days before admission"),
        .rejected(.outsideEpisode, "session_date", "S900014,E900003,2026-08-15,group,in_person,attended,180,180,S103",
                  "the day after discharge"),
        .rejected(.malformedRow, nil, "S900015,E900001,2026-08-07,group,in_person,attended,180,180,S101,extra",
                  "10 fields instead of 9"),
    ])
}
