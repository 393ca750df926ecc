import OutcomesCore
import OutcomesStore

/// The episode span index of a load's files (`LoadRun.episodeSpanIndex`), read once for the files
/// after the episodes instead of once a file (at 200,000 episodes a read is 0.07 s, about 2% of the
/// CPU of loading a 300,000-row goals file). The last index read is kept for the next files that
/// it serves: an index by patient (with a 64-character key per patient, read only for rows that
/// may name their patient and no episode) serves every file, one without only files whose rows
/// name their episode. Emptied when episodes load.
struct SpanIndexes {
    private var kept: (byPatient: Bool, index: EpisodeSpanIndex)?

    /// The index for a file whose rows may name their patient alone (`byPatient`).
    mutating func index(byPatient: Bool, in run: LoadRun) throws -> EpisodeSpanIndex {
        if let kept, kept.byPatient || !byPatient { return kept.index }
        let index = try run.episodeSpanIndex(byPatient: byPatient)
        kept = (byPatient, index)
        return index
    }
}
