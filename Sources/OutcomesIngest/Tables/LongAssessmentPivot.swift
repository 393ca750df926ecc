import OutcomesCore

/// Pivots the rows of a long assessment file into one assessment per episode, instrument and
/// date, in the order of each assessment's first row.
///
/// An assessment's rows stand or fall together: when one row is rejected, or the assessment
/// breaks a rule (too many missing items, a stated total that disagrees, an item answered twice
/// differently), every one of its rows is rejected under the first rule broken. Groups are held
/// until the end of the file, or until the caller knows that no later row joins them (FHIR:
/// `FHIRFile.forEachRow`); a row is kept as its number and byte span, its text read back only
/// for a reject.
struct LongAssessmentPivot {
    private struct Pending {
        var rows: [(row: Int, span: ByteSpan?)] = []
        /// Item n's points at n - 1 (grown as items are answered; empty when none is).
        var responses: [Score?] = []
        var total: Score?
        var timepoint: Timepoint?
        var failure: (row: Int, reject: RowReject)?

        /// Adds `row` (once: the parts of one line count it once).
        mutating func note(_ row: Int, _ span: ByteSpan?) {
            if rows.last?.row != row { rows.append((row, span)) }
        }
    }

    let fileName: String
    let registry: InstrumentRegistry
    private var order: [ItemAnswer.Group] = []
    private var pending: [ItemAnswer.Group: Pending] = [:]

    init(fileName: String, registry: InstrumentRegistry) {
        self.fileName = fileName
        self.registry = registry
    }

    /// Adds a valid row to its assessment (several parts of one input line, as the components
    /// of one FHIR Observation, count the line once).
    mutating func add(_ answer: ItemAnswer, to group: ItemAnswer.Group, row: Int, span: ByteSpan?) {
        update(group) { entry in
            entry.note(row, span)
            entry.timepoint = entry.timepoint ?? answer.timepoint
            switch answer.part {
            case .unscored: break
            case .item(let number, let points):
                guard number > 0 else { return }
                if entry.responses.count < number {
                    entry.responses.append(contentsOf: repeatElement(nil, count: number - entry.responses.count))
                }
                if let earlier = entry.responses[number - 1], earlier != points, entry.failure == nil {
                    entry.failure = (row, RowReject("answer", .malformedRow, "item \(number) is answered twice, differently"))
                }
                entry.responses[number - 1] = points
            case .total(let points):
                if let earlier = entry.total, earlier != points, entry.failure == nil {
                    entry.failure = (row, RowReject("answer", .malformedRow, "the total is given twice, differently"))
                }
                entry.total = points
            }
        }
    }

    /// Records a row of `group` that broke a rule: the whole assessment is rejected.
    mutating func fail(_ group: ItemAnswer.Group, row: Int, span: ByteSpan?, _ reject: RowReject) {
        update(group) { entry in
            entry.note(row, span)
            if entry.failure == nil { entry.failure = (row, reject) }
        }
    }

    /// Changes `group`'s entry in place (a copy would copy its lists on every row), starting it
    /// when it is new.
    private mutating func update(_ group: ItemAnswer.Group, _ body: (inout Pending) -> Void) {
        if pending[group] == nil { order.append(group) }
        body(&pending[group, default: Pending()])
    }

    private static func assessment(_ group: ItemAnswer.Group, _ entry: Pending,
                                   _ scale: Instrument) -> Result<Assessment, RowReject> {
        do throws(RowReject) {
            if let failure = entry.failure { throw failure.reject }
            let answered = entry.responses
            let responses = answered.isEmpty ? nil : (1...scale.itemCount).map { $0 <= answered.count ? answered[$0 - 1] : nil }
            let scored = try scale.assessed(responses: responses, given: entry.total,
                                            itemColumn: { _ in "answer" }, totalColumn: "answer")
            return .success(Assessment(
                episodeID: group.episodeID, assessedOn: group.day, instrument: scale.code, items: responses ?? [],
                score: scored.score, scoring: scored.method, timepoint: entry.timepoint))
        } catch {
            return .failure(error)
        }
    }

    /// Every assessment still held, scored or rejected, in the order of its first row; `rawLine`
    /// gives a rejected row's text from its number and span.
    func finish(rawLine: (Int, ByteSpan?) -> String, _ body: (RowResult) throws -> Void) rethrows {
        for group in order { try emit(group, rawLine: rawLine, body) }
    }

    /// Sends the assessments of `groups` now, in the order of their first rows, and forgets
    /// them: the caller knows that no later row joins them (memory then holds only the
    /// assessments still open).
    mutating func finish(_ groups: [ItemAnswer.Group], rawLine: (Int, ByteSpan?) -> String,
                         _ body: (RowResult) throws -> Void) rethrows {
        let held = groups.compactMap { group in pending[group].map { (group, $0.rows.first?.row ?? 0) } }
        for (group, _) in held.sorted(by: { $0.1 < $1.1 }) {
            try emit(group, rawLine: rawLine, body)
            pending[group] = nil
        }
        if order.count > 2 * pending.count + 1024 { order.removeAll { pending[$0] == nil } }
    }

    private func emit(_ group: ItemAnswer.Group, rawLine: (Int, ByteSpan?) -> String,
                      _ body: (RowResult) throws -> Void) rethrows {
        guard let entry = pending[group], let scale = registry[group.instrument] else { return }
        let rows = entry.rows.map(\.row)
        switch Self.assessment(group, entry, scale) {
        case .success(let assessment): try body(.grouped(rows: rows, .assessment(assessment)))
        case .failure(let error):
            let first = entry.failure?.row ?? rows[0]
            for (row, span) in entry.rows {
                let message = row == first ? error.message : "row \(first) of the same assessment: \(error.message)"
                try body(.rejected(IngestIssue(file: fileName, row: row, column: error.column, reason: error.reason,
                                               message: message, rawLine: rawLine(row, span))))
            }
        }
    }
}
