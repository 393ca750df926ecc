import OutcomesAnalysis

/// An SPC chart's signals in words, for a committee that does not read control charts daily.
struct SPCExplanation {
    let control: ControlChart
    let label: String
    let isRate: Bool
    /// Months whose value is withheld for privacy: named, never quoted.
    var withheld: Set<Int> = []

    func value(_ v: Double) -> String { isRate ? Format.percent(v) : Format.number(v) }

    var sentence: String {
        guard let centre = control.centre else { return "\(label): too few months to judge." }
        var parts: [String] = []
        let outside = control.points.indices.filter { control.points[$0].isOutsideLimits }
        if !outside.isEmpty {
            let months = outside.map { index in
                let point = control.points[index]
                return "\(point.label) (\(withheld.contains(index) ? "withheld" : point.value.map(value) ?? "–"))"
            }.joined(separator: ", ")
            parts.append("\(outside.count == 1 ? "one month lies" : "\(outside.count) months lie") outside the 3-sigma limits: \(months)")
        }
        for segment in control.runsSegments {
            parts += runSentences(segment)
        }
        let head = "\(label): centre \(centres(first: centre))."
        guard !parts.isEmpty else {
            return head + " No signal: the months vary around the centre line as chance alone would; no change to explain."
        }
        return head + " Signal: " + parts.joined(separator: "; ") + ". A change this large is unlikely to be noise: look for its cause."
    }

    /// The centre, or each phase's centre with the month it starts.
    private func centres(first: Double) -> String {
        guard control.phases.count > 1 else { return value(first) }
        return control.phases.map { phase in
            let start = phase.range.first.map { control.points[$0].label } ?? ""
            return "\(phase.centre.map(value) ?? "–") from \(start)"
        }.joined(separator: ", ")
    }

    /// The Anhøj signals of one runs analysis, in words.
    private func runSentences(_ segment: RunsSegment) -> [String] {
        let runs = segment.runs
        guard let centre = control.phases[segment.phase].centre else { return [] }
        var parts: [String] = []
        let indices = runs.signallingRunIndices
        if runs.hasUnusuallyLongRun, let first = indices.first, let last = indices.last {
            let above = (control.points[first].value ?? centre) > centre
            parts.append("a run of \(runs.longestRun) months \(above ? "above" : "below") the centre line "
                         + "(\(control.points[first].label) to \(control.points[last].label); "
                         + "more than \(runs.longestRunLimit) is unusual)")
        }
        if runs.hasTooFewCrossings {
            let from = segment.range.first.map { control.points[$0].label } ?? ""
            let scope = control.runsSegments.count > 1 ? "from \(from) the series" : "the series"
            let crossing = runs.crossings == 0 ? "does not cross the centre line"
                : "crosses the centre line only \(Format.times(runs.crossings))"
            parts.append("\(scope) \(crossing) (fewer than \(runs.minimumCrossings) crossings is unusual)")
        }
        return parts
    }
}
