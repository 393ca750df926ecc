import OutcomesCore

extension LoadRun {
    /// Every stored episode's span (including the episodes loaded earlier in this run) and, with
    /// `byPatient`, every patient's episodes (what rows keyed by patient are assigned among): in
    /// a compact `EpisodeSpanIndex`, about 20 bytes an episode, read in the byte order of ids and
    /// patient keys that the index needs. An episode whose dates do not decode is reported
    /// (`StoreError.unreadableRows`), not skipped.
    public func episodeSpanIndex(byPatient: Bool) throws -> EpisodeSpanIndex {
        var index = EpisodeSpanIndex()
        // Room for every episode and patient first, so that no array grows by doubling.
        let sizes = "count(*), total(length(CAST(episode_id AS BLOB)))"
        try ResultReader.forEach(db, sql: "SELECT \(sizes) FROM episode") {
            index.reserveCapacity(episodes: $0.int(0) ?? 0, idBytes: Int($0.double(1) ?? 0))
        }
        if byPatient {
            try ResultReader.forEach(db, sql: """
                SELECT count(*), total(length(CAST(patient_key AS BLOB))), sum(episodes)
                FROM (SELECT patient_key, count(*) AS episodes FROM episode GROUP BY patient_key)
                """) {
                index.reserveCapacity(patients: $0.int(0) ?? 0, keyBytes: Int($0.double(1) ?? 0), episodes: $0.int(2) ?? 0)
            }
        }
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
