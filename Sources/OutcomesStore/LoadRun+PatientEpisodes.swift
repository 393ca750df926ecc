import GRDB
import OutcomesCore

extension LoadRun {
    /// Every stored episode's span by patient (pseudonym -> episode id -> span), including those
    /// loaded earlier in this run: what rows keyed by patient are assigned among. An episode
    /// whose dates do not decode is reported (`StoreError.unreadableRows`), not skipped.
    public func patientEpisodeSpans() throws -> [String: [String: EpisodeSpan]] {
        var spans: [String: [String: EpisodeSpan]] = [:]
        try ResultReader.forEachRecord(
            db, table: "episode", keyColumn: "episode_id", keyIndex: 0,
            sql: "SELECT episode_id, admission_date, discharge_date, patient_key FROM episode"
        ) { row in
            let span = EpisodeSpan(admission: try row.requiredDay(1), discharge: try row.optionalDay(2))
            spans[row.string(3), default: [:]][row.string(0)] = span
        }
        return spans
    }
}
