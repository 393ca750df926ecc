import OutcomesAnalysis
import OutcomesCore

/// How an spc chart departs from one centre and one set of limits over all its months, and why:
/// `freeze`, `phases`, `exclude` and `note` on a chart block of a report definition, or the
/// same options of `chart spc`.
public struct SPCAdjustments: Sendable, Equatable {
    /// The last month of the baseline the first phase's centre and limits are computed from.
    public var freeze: Period?
    /// Months that start a new phase (a process change), each phase with its own centre and limits.
    public var phases: [Period]
    /// Months left out of the calculations (still drawn).
    public var exclude: [Period]
    /// Why, in the definition's words; printed under the chart.
    public var note: String?
    /// The program's recorded process changes (the definition's `changes`): each starts a new
    /// phase, and the page says what changed.
    public var changes: [ProcessChange]

    /// Adjustments; none unless given.
    public init(
        freeze: Period? = nil, phases: [Period] = [], exclude: [Period] = [], note: String? = nil,
        changes: [ProcessChange] = []
    ) {
        self.freeze = freeze
        self.phases = phases
        self.exclude = exclude
        self.note = note
        self.changes = changes
    }

    /// True when the chart is drawn with one centre and one set of limits over every month.
    public var isEmpty: Bool { freeze == nil && phases.isEmpty && exclude.isEmpty && changes.isEmpty }

    /// The months that start a phase: those listed and those of the changes, in order.
    var phaseStarts: [Period] {
        Array(Set(phases + changes.map(\.month))).sorted { $0.from < $1.from }
    }

    /// The options for a chart of `months`, oldest first. A month outside the chart is ignored,
    /// except a baseline that ends after the last month, which covers them all.
    func options(months: [Period]) -> SPCOptions {
        let starts = months.map(\.from)
        var frozen: FrozenLimits?
        if let freeze {
            let count = starts.filter { $0 <= freeze.from }.count
            if count > 0 { frozen = FrozenLimits(baseline: 0..<count) }
        }
        return SPCOptions(
            frozen: frozen,
            phaseEnds: phaseStarts.compactMap { month in starts.firstIndex(of: month.from) }.filter { $0 > 0 },
            excluded: Set(exclude.compactMap { month in starts.firstIndex(of: month.from) }))
    }

    /// The sentence under the chart: how the limits were frozen or split, with month labels from
    /// `label`, then the note; nil when nothing was done. (The chart itself names excluded months.)
    func sentence(label: (Period) -> String) -> String? {
        guard !isEmpty else { return nil }
        var parts: [String] = []
        if let freeze { parts.append("centre and limits frozen on the months up to \(label(freeze))") }
        if !phaseStarts.isEmpty {
            parts.append("new centre and limits from " + phaseStarts.map(label).joined(separator: ", "))
        }
        var sentences = parts.isEmpty ? [] : ["Limits: " + parts.joined(separator: "; ") + "."]
        if !changes.isEmpty {
            let listed = changes.map { "\(label($0.month)), \($0.description)" }
            sentences.append("What changed: " + listed.joined(separator: "; ") + ".")
        }
        if let note { sentences.append("Why: " + note) }
        return sentences.joined(separator: " ")
    }
}

/// A change to the program's process, from a report definition's `changes` list: from `month`
/// on, SPC charts compute a new centre and limits.
public struct ProcessChange: Sendable, Equatable {
    /// The month the change took effect.
    public var month: Period
    /// What changed, in the definition's words.
    public var description: String

    /// A change in `month`.
    public init(month: Period, description: String) {
        self.month = month
        self.description = description
    }
}
