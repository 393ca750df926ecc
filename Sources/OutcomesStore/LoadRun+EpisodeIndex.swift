import OutcomesCore

extension LoadRun {
    /// Every stored episode's span (including the episodes loaded earlier in this run) and, with
    /// `byPatient`, every patient's episodes (what rows keyed by patient are assigned among): in
    /// a compact `EpisodeSpanIndex`, about 20 bytes an episode, read in the byte order of ids and
    /// patient keys that the index needs. An episode whose dates do not decode is reported
    /// (`StoreError.unreadableRows`), not skipped.
    public func episodeSpanIndex(byPatient: Bool) throws -> EpisodeSpanIndex {
        var index = EpisodeSpanIndex()
        do {
            try ResultReader.forEachRecord(
                db, table: "episode", keyColumn: "episode_id", keyIndex: 0,
                sql: "SELECT episode_id, admission_date, discharge_date FROM episode ORDER BY episode_id"
            ) { row in
                let span = EpisodeSpan(admission: try row.requiredDay(1), discharge: try row.optionalDay(2))
                try index.append(episode: row.utf8(0), span: span)
            }
            guard byPatient else { return index }
            try ResultReader.forEach(db, sql: "SELECT patient_key, episode_id FROM episode ORDER BY patient_key") { row in
                try index.append(patient: row.utf8(0), episode: row.utf8(1))
            }
        } catch let refused as IndexAppendError {
            throw StoreError.sqlite(message: "episode \(refused.key): not in the order of the episode index")
        }
        return index
    }
}
