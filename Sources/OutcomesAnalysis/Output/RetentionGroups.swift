/// The retention table published outside the program. A row per event day would print the
/// events and censorings of single days, mostly 1 to 10, and survival gives a withheld day's
/// events back (S(t) / S(t-1) = 1 - events / at risk). So consecutive days are merged into
/// steps until every count of a step is 0 or at least 11 (a step that cannot be made so merges
/// into the one before it); survival is printed at the last day of each step. Only when the
/// whole curve is one step with a small count does anything need withholding, and then its
/// survival is blanked.
struct RetentionGroups {
    /// Columns of the published table: a step from its first to its last event day.
    static let columns = ["from_day", "to_day", "at_risk", "events", "censored", "survival", "ci_low", "ci_high"]

    /// Row ranges of the input (`DetailTable.retention` rows) merged into each step.
    private(set) var steps: [Range<Int>] = []
    private let rows: [[String]]

    init(rows: [[String]]) {
        self.rows = rows
        var start = 0
        for end in rows.indices where isPublishable(start..<(end + 1)) {
            steps.append(start..<(end + 1))
            start = end + 1
        }
        if start < rows.count { steps.append(start..<rows.count) }
        while steps.count > 1, let last = steps.last, !isPublishable(last) {
            steps.removeLast()
            steps[steps.count - 1] = steps[steps.count - 1].lowerBound..<last.upperBound
        }
    }

    private func count(_ row: Int, _ column: Int) -> Int { Int(rows[row][column]) ?? 0 }

    /// At risk at the step's first day, and events and censorings over its days.
    private func counts(_ step: Range<Int>) -> (atRisk: Int, events: Int, censored: Int) {
        (count(step.lowerBound, 1), step.reduce(0) { $0 + count($1, 2) }, step.reduce(0) { $0 + count($1, 3) })
    }

    private func isPublishable(_ step: Range<Int>) -> Bool {
        let (atRisk, events, censored) = counts(step)
        return [atRisk, events, censored].allSatisfy { !DisclosureControl.smallCounts.contains($0) }
    }

    /// The steps as one output: at risk at a step = its events + censorings + at risk at the
    /// next step + those censored between event days (unprinted).
    func published() -> DetailTable.Published {
        let stepRows = steps.map { step -> [String] in
            let (atRisk, events, censored) = counts(step)
            let last = rows[step.upperBound - 1]
            return [rows[step.lowerBound][0], last[0], String(atRisk), String(events), String(censored)] + last[4...6]
        }
        var table = TextTableOutput(stepRows)
        for step in stepRows.indices {
            let next = step + 1 < stepRows.count ? [table.cell(step + 1, 2)] : []
            table.relate(whole: table.cell(step, 2), parts: [table.cell(step, 3), table.cell(step, 4)] + next)
        }
        var (published, withheld, decision) = table.protected()
        if let first = withheld.map(\.row).min() {
            for row in first..<published.count { for column in 5...7 { published[row][column] = "" } }
        }
        return DetailTable.Published(columns: Self.columns, rows: published, output: table.output, decision: decision)
    }
}
