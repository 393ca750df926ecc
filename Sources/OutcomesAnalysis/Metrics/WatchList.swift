import OutcomesCore

/// Why an active episode is on the early-warning watch list.
public enum WatchReason: String, CaseIterable, Hashable, Sendable {
    /// Latest 3 or more scheduled sessions all missed.
    case disengagement
    /// Latest score reliably worse than the baseline (published threshold).
    case reliableDeterioration = "reliable_deterioration"
    /// The latest score is worse than the one two scores earlier by at least the threshold.
    case risingScores = "rising_scores"
    /// A `self_harm`, `suicide_attempt` or `crisis_contact` event dated in P.
    case safetyEvent = "safety_event"
}

extension WatchReason {
    /// The reasons from the most urgent to the least, as a watch list is read: a safety event in
    /// P, reliable deterioration, rising scores, then missed sessions.
    public static let byUrgency: [WatchReason] = [.safetyEvent, .reliableDeterioration, .risingScores, .disengagement]
}

/// One episode on the watch list, with its reasons (and the instruments behind score reasons).
public struct WatchEntry: Hashable, Sendable {
    public var episodeID: String
    public var program: String
    public var reasons: [WatchReason]
    /// Instrument codes that triggered a score reason, alphabetical.
    public var instruments: [String]

    /// The position in `WatchReason.byUrgency` of the entry's most urgent reason (0 is the most urgent).
    public var urgency: Int {
        WatchReason.byUrgency.firstIndex(where: reasons.contains) ?? WatchReason.byUrgency.count
    }

    /// The entry's reasons, the most urgent first, as lists print them.
    public var reasonsByUrgency: [WatchReason] { WatchReason.byUrgency.filter(reasons.contains) }
}

/// Early-warning watch list (internal reports only): active episodes at the end of P with a
/// disengagement flag, reliable deterioration, a rise over the last 3 scores, or a safety event in P.
/// Score reasons use the registry's published threshold and scores dated up to the end of P.
public struct WatchList: Sendable {
    public var entries: [WatchEntry] = []

    /// The watch list of `context`'s cohort, its disengagement flags taken from `disengagement`
    /// (the same cohort's).
    public init(_ context: CohortContext, disengagement: Disengagement) {
        let disengaged = Set(disengagement.flaggedEpisodeIDs)
        let period = context.period
        let dataset = context.dataset  // read once for every member
        let episodes = dataset.episodes
        for position in context.activeAtEnd {
            // Read field by field: an `Episode` spells its patient's key, which is not needed here.
            let episodeID = episodes.episodeID(at: position)
            var reasons = Set<WatchReason>()
            var instruments = Set<String>()
            if disengaged.contains(episodeID) { reasons.insert(.disengagement) }
            let scores = ScoreSeries.read(dataset, position: position)
            for number in 0..<scores.instrumentCount {
                let all = scores.scores(number)
                guard !all.isEmpty else { continue }
                let code = dataset.assessmentColumns.instrumentCodes[number]
                guard let instrument = dataset.registry[code], let threshold = ReliableChange.published(instrument)
                else { continue }
                let found = WatchList.scoreReasons(instrument, threshold, all.filter { $0.day <= period.to },
                                                   admission: episodes.admissionDate(at: position))
                if !found.isEmpty { instruments.insert(code) }
                reasons.formUnion(found)
            }
            if dataset.firstPatientEvent(ofEpisodeAt: position, where: { $0.isSafety && period.contains($1) }) != nil {
                reasons.insert(.safetyEvent)
            }
            guard !reasons.isEmpty else { continue }
            entries.append(WatchEntry(episodeID: episodeID, program: episodes.program(at: position),
                                      reasons: WatchReason.allCases.filter(reasons.contains), instruments: instruments.sorted()))
        }
    }

    /// The entries as they are listed (reports, `analyze --watch-list`): by track, then by the
    /// most urgent reason (`WatchReason.byUrgency`), then by patient key (`keys`, by episode id),
    /// then by episode id; so that a track's lead finds their episodes together, the most
    /// urgent first.
    public func ordered(keys: [String: String]) -> [WatchEntry] {
        entries.sorted {
            ($0.program, $0.urgency, keys[$0.episodeID] ?? "", $0.episodeID)
                < ($1.program, $1.urgency, keys[$1.episodeID] ?? "", $1.episodeID)
        }
    }

    /// The `limit` most urgent entries, in the order of `ordered(keys:)`. Entries are ranked by
    /// their most urgent reason (`WatchEntry.urgency`), then by their number of reasons (more
    /// first); within a rank the tracks take turns, each in its list order, so that a cut list
    /// does not favour the tracks whose names sort first. A report that shows a part of a long
    /// list shows these.
    public func mostUrgent(_ limit: Int, keys: [String: String]) -> [WatchEntry] {
        let listed = ordered(keys: keys)
        guard listed.count > limit else { return listed }
        struct Rank: Hashable { var urgency: Int, reasons: Int, program: String }
        var turns: [Rank: Int] = [:]
        let ranked = listed.enumerated().map { index, entry -> (Int, Int, Int, Int) in
            let rank = Rank(urgency: entry.urgency, reasons: entry.reasons.count, program: entry.program)
            defer { turns[rank, default: 0] += 1 }
            return (entry.urgency, -entry.reasons.count, turns[rank, default: 0], index)
        }
        return ranked.sorted { $0 < $1 }.prefix(max(limit, 0)).map(\.3).sorted().map { listed[$0] }
    }

    /// Reliable deterioration from the baseline to the latest score, and a reliable rise across the last 3 scores.
    static func scoreReasons(_ instrument: Instrument, _ threshold: ReliableChange, _ scores: [ScorePoint],
                             admission: Day) -> Set<WatchReason> {
        var reasons = Set<WatchReason>()
        if let baseline = OutcomePair.baseline(in: scores, admission: admission), let latest = scores.last, latest.day > baseline.day,
           threshold.classify(instrument, baseline: baseline.score, final: latest.score) == .deterioration {
            reasons.insert(.reliableDeterioration)
        }
        if scores.count >= 3, let latest = scores.last,
           threshold.classify(instrument, baseline: scores[scores.count - 3].score, final: latest.score) == .deterioration {
            reasons.insert(.risingScores)
        }
        return reasons
    }
}
