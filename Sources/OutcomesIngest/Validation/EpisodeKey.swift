import OutcomesCore

/// How a session, assessment or goal row names its episode: directly, or by its patient (and
/// then its date decides, see `EpisodeAssignment`).
enum EpisodeKey {
    case episode(id: String, span: EpisodeSpan)
    case patient(key: String)
}

extension ValidationContext {
    /// The column a file's rows name their episode by: `episode` when the file has it, else
    /// `patient` when it has that.
    static func keyColumn(episode: ColumnRef, patient: ColumnRef) -> ColumnRef {
        !episode.isPresent && patient.isPresent ? patient : episode
    }

    /// The row's episode or patient: from `episode` when the file has that column (then
    /// `missing_field` or `unknown_episode` as for any episode reference), else from `patient`,
    /// pseudonymised as episodes files are.
    func episodeKey(_ row: RowFields, episode: ColumnRef, patient: ColumnRef) throws(RowReject) -> EpisodeKey {
        guard Self.keyColumn(episode: episode, patient: patient) === patient else {
            let (id, span) = try self.episode(row, episode)
            return .episode(id: id, span: span)
        }
        return .patient(key: pseudonymizer.pseudonym(for: try row.required(patient)))
    }

    /// The episode a key names on `day`. A patient key needs the day: without one the row is
    /// `missing_field` at `dateColumn`.
    func resolve(_ key: EpisodeKey, on day: Day?, table: CanonicalTable, patientColumn: String = "patient_id",
                 dateColumn: String) throws(RowReject) -> (id: String, span: EpisodeSpan) {
        switch key {
        case .episode(let id, let span): return (id, span)
        case .patient(let patientKey):
            guard let day else {
                throw RowReject(dateColumn, .missingField,
                                "\(dateColumn) is required to find the episode of a row keyed by patient")
            }
            let episodes = self.episodes.episodes(ofPatient: patientKey)
            let id = try EpisodeAssignment.assign(day, table: table, among: episodes, column: patientColumn)
            return (id, episodes[id] ?? EpisodeSpan(admission: day, discharge: nil))
        }
    }
}
