import OutcomesCore

extension LoadRun {
    /// Every stored episode's span (including the episodes loaded earlier in this run) and, with
    /// `byPatient`, every patient's episodes (what rows keyed by patient are assigned among): in
    /// a compact `EpisodeSpanIndex`, about 20 bytes an episode and 40 a patient, read in the
    /// order of ids and patient keys that the index needs. An episode whose dates do not decode
    /// is reported (`StoreError.unreadableRows`), not skipped.
    public func episodeSpanIndex(byPatient: Bool) throws -> EpisodeSpanIndex {
        var index = EpisodeSpanIndex()
        // Room for every episode and patient first, so that no array grows by doubling.
        try ResultReader.forEach(db, sql: "SELECT count(*), total(length(CAST(episode_id AS BLOB))) FROM episode") {
            index.reserveCapacity(episodes: $0.int(0) ?? 0, idBytes: Int($0.double(1) ?? 0))
        }
        if byPatient {
            try ResultReader.forEach(
                db, sql: "SELECT count(*), total(episodes) FROM (SELECT count(*) AS episodes FROM episode GROUP BY patient_key)"
            ) {
                index.reserveCapacity(patients: $0.int(0) ?? 0, episodes: Int($0.double(1) ?? 0))
            }
        }
        // With `byPatient`, the episode number of each position in the index.
        var numbers: [Int64] = []
        do {
            try ResultReader.forEachRecord(
                db, table: "episode", keyColumn: "episode_id", keyIndex: 0,
                sql: "SELECT episode_id, admission_date, discharge_date, episode_no FROM episode ORDER BY episode_id"
            ) { row in
                let span = EpisodeSpan(admission: try row.requiredDay(1), discharge: try row.optionalDay(2))
                try index.append(episode: row.utf8(0), span: span)
                if byPatient { numbers.append(row.integer(3) ?? 0) }
            }
            if byPatient { try fileByPatient(&index, numbers: numbers) }
        } catch let refused as IndexAppendError {
            throw StoreError.sqlite(message: "episode index: \(refused.key) out of order")
        }
        return index
    }

    /// Files every episode under its patient, reading the patient index alone (patient key and
    /// episode number, in key order: 0.5 s for 1,000,000 episodes, where fetching each episode's
    /// id took 6 s); pseudonyms first, then any other key, as the index orders packed keys.
    private func fileByPatient(_ index: inout EpisodeSpanIndex, numbers: [Int64]) throws {
        // Index positions in the order of their episode numbers, to find a number's position.
        var byNumber = numbers.indices.map(UInt32.init)
        byNumber.sort { numbers[Int($0)] < numbers[Int($1)] }
        func position(of number: Int64) throws -> Int {
            var low = 0, high = byNumber.count
            while low < high {
                let middle = (low + high) / 2
                if numbers[Int(byNumber[middle])] < number { low = middle + 1 } else { high = middle }
            }
            guard low < byNumber.count, numbers[Int(byNumber[low])] == number else {
                throw StoreError.sqlite(message: "episode index: episode number \(number) not found")
            }
            return Int(byNumber[low])
        }
        var others: [(key: [UInt8], position: Int)] = []
        try ResultReader.forEach(db, sql: "SELECT patient_key, episode_no FROM episode ORDER BY patient_key") { row in
            let key = row.utf8(0), episode = try position(of: row.integer(1) ?? 0)
            if PatientKeyPacking.isPseudonym(key) {
                try index.append(patient: key, episodeAt: episode)
            } else {
                others.append((Array(key), episode))
            }
        }
        for other in others {
            try other.key.withUnsafeBufferPointer { try index.append(patient: $0, episodeAt: other.position) }
        }
    }
}
