import OutcomesAnalysis

extension TableFactory {
    /// The watch list in its order (`WatchList.ordered(keys:)`), each entry's reasons the most
    /// urgent first. With more than one track, a count of the entries of each track and reason
    /// comes first: on a network the list runs to many pages. With `maxRows`, a longer list is
    /// counted in full, then a line says how many of its entries follow and how to print them all,
    /// then its `maxRows` most urgent entries follow (`WatchList.mostUrgent`).
    func watchList(maxRows: Int?) -> [LayoutItem] {
        let watchList = inputs.current.watchList
        let entries = watchList.entries
        guard !entries.isEmpty else {
            return [.paragraph("No active episode meets a watch-list rule at the end of \(periodText).", small: false)]
        }
        let shown = maxRows.map { watchList.mostUrgent($0, keys: inputs.patientKeys) }
            ?? watchList.ordered(keys: inputs.patientKeys)
        let rows = shown.map { entry -> [TableCell] in
            let key = String((inputs.patientKeys[entry.episodeID] ?? "").prefix(ExplanationText.shortKeyLength))
            return [TableCell(key.isEmpty ? "–" : key), TableCell(entry.program),
                    TableCell(entry.reasonsByUrgency.map(reasonText).joined(separator: "; ")),
                    TableCell(entry.instruments.joined(separator: ", "))]
        }
        let list = ReportTable(columns: [.init("Patient key", 1.5, .start), .init("Track", 1.6, .start),
                                         .init("Why", 3.6, .start), .init("Instruments", 1.2, .start)],
                               rows: rows,
                               note: "By track, the most urgent first (a safety event, then reliable deterioration, "
                                   + "rising scores, missed sessions). Patient key: the first 12 characters of the "
                                   + "pseudonym; the lookup command (iop-outcomes lookup) finds it from a record "
                                   + "number.")
        guard shown.count < entries.count else {
            return (Set(entries.map(\.program)).count > 1 ? [.table(watchListByTrack(entries))] : []) + [.table(list)]
        }
        let part = "The \(Format.count(shown.count)) most urgent of the \(Format.count(entries.count)) episodes "
            + "counted above (the most urgent reason, then the most reasons, the tracks taking turns). The whole list: "
            + "iop-outcomes analyze --watch-list --db DATABASE \(Format.periodArguments(inputs.period)) --format csv "
            + "--out FILE."
        return [.table(watchListByTrack(entries)), .paragraph(part, small: false), .table(list)]
    }

    /// Entries per track and per reason, with a total row.
    private func watchListByTrack(_ entries: [WatchEntry]) -> ReportTable {
        let counts = { (entries: [WatchEntry], label: String) -> [TableCell] in
            [TableCell(label), TableCell(Format.count(entries.count))]
                + WatchReason.byUrgency.map { reason in
                    TableCell(Format.count(entries.filter { $0.reasons.contains(reason) }.count))
                }
        }
        let byTrack = Dictionary(grouping: entries, by: \.program)
        let rows = byTrack.keys.sorted().map { counts(byTrack[$0] ?? [], $0) } + [counts(entries, "All tracks")]
        return ReportTable(columns: [.init("Track", 1.6, .start), .init("Episodes", 0.9)]
                                    + WatchReason.byUrgency.map { .init(reasonHeader($0), 1.3) },
                           rows: rows,
                           note: "An episode with several reasons counts once under Episodes and once under each "
                               + "of its reasons.")
    }

    private func reasonHeader(_ reason: WatchReason) -> String {
        switch reason {
        case .disengagement: return "3+ missed"
        case .reliableDeterioration: return "Reliable deterioration"
        case .risingScores: return "Rising scores"
        case .safetyEvent: return "Safety event"
        }
    }

    private func reasonText(_ reason: WatchReason) -> String {
        switch reason {
        case .disengagement: return "3+ missed sessions in a row"
        case .reliableDeterioration: return "reliable deterioration"
        case .risingScores: return "rising scores"
        case .safetyEvent: return "safety event this month"
        }
    }
}
