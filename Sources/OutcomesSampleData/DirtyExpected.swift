/// What loading the dirty sample must report, counted by hand from the rows in DirtyRows
/// (a test checks these tables against the rows' annotations).
enum DirtyExpected {
    /// `expected-accounting.csv`: file, read, loaded, updated, duplicates, rejected.
    static let accounting = """
        file,read,loaded,updated,duplicates,rejected
        episodes.csv,15,4,1,1,9
        sessions.csv,16,5,1,1,9
        assessments.csv,19,5,1,1,12
        goals.csv,12,4,1,1,6
        events.csv,11,4,1,1,5

        """

    /// `expected-rejects.csv`: file, reason, count.
    static let rejects = """
        file,reason,count
        episodes.csv,bad_date,1
        episodes.csv,bad_number,1
        episodes.csv,discharge_before_admission,1
        episodes.csv,future_date,1
        episodes.csv,invalid_utf8,1
        episodes.csv,malformed_row,1
        episodes.csv,missing_field,2
        episodes.csv,unknown_code,1
        sessions.csv,bad_date,1
        sessions.csv,bad_number,1
        sessions.csv,future_date,1
        sessions.csv,malformed_row,1
        sessions.csv,missing_field,1
        sessions.csv,outside_episode,2
        sessions.csv,unknown_code,1
        sessions.csv,unknown_episode,1
        assessments.csv,bad_date,1
        assessments.csv,bad_number,1
        assessments.csv,future_date,1
        assessments.csv,malformed_row,1
        assessments.csv,missing_field,1
        assessments.csv,out_of_range,2
        assessments.csv,too_many_missing_items,1
        assessments.csv,total_mismatch,1
        assessments.csv,unknown_code,2
        assessments.csv,unknown_episode,1
        goals.csv,bad_date,1
        goals.csv,bad_number,1
        goals.csv,future_date,1
        goals.csv,missing_field,1
        goals.csv,out_of_range,1
        goals.csv,unknown_episode,1
        events.csv,bad_date,1
        events.csv,future_date,1
        events.csv,invalid_utf8,1
        events.csv,missing_field,1
        events.csv,unknown_code,1

        """
}
