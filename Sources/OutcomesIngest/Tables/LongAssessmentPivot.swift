import OutcomesCore

/// Pivots the rows of a long assessment file into one assessment per episode, instrument and
/// date, in the order of each assessment's first row.
///
/// An assessment's rows stand or fall together: when one row is rejected, or the assessment
/// breaks a rule (too many missing items, a stated total that disagrees, an item answered twice
/// differently), every one of its rows is rejected under the first rule broken. Groups are held
/// until the end of the file (memory grows with the file's assessments, a few dozen bytes each:
/// a row is kept as its number and byte span, its text read back only for a reject).
struct LongAssessmentPivot {
    private struct Pending {
        var rows: [(row: Int, span: ByteSpan?)] = []
        var responses: [Int: Score] = [:]
        var total: Score?
        var timepoint: Timepoint?
        var failure: (row: Int, reject: RowReject)?
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
        var entry = start(group)
        if entry.rows.last?.row != row { entry.rows.append((row, span)) }
        entry.timepoint = entry.timepoint ?? answer.timepoint
        switch answer.part {
        case .unscored: break
        case .item(let number, let points):
            if let earlier = entry.responses[number], earlier != points, entry.failure == nil {
                entry.failure = (row, RowReject("answer", .malformedRow, "item \(number) is answered twice, differently"))
            }
            entry.responses[number] = points
        case .total(let points):
            if let earlier = entry.total, earlier != points, entry.failure == nil {
                entry.failure = (row, RowReject("answer", .malformedRow, "the total is given twice, differently"))
            }
            entry.total = points
        }
        pending[group] = entry
    }

    /// Records a row of `group` that broke a rule: the whole assessment is rejected.
    mutating func fail(_ group: ItemAnswer.Group, row: Int, span: ByteSpan?, _ reject: RowReject) {
        var entry = start(group)
        if entry.rows.last?.row != row { entry.rows.append((row, span)) }
        if entry.failure == nil { entry.failure = (row, reject) }
        pending[group] = entry
    }

    private static func assessment(_ group: ItemAnswer.Group, _ entry: Pending,
                                   _ scale: Instrument) -> Result<Assessment, RowReject> {
        do throws(RowReject) {
            if let failure = entry.failure { throw failure.reject }
            let responses = entry.responses.isEmpty ? nil : (1...scale.itemCount).map { entry.responses[$0] }
            let scored = try scale.assessed(responses: responses, given: entry.total,
                                            itemColumn: { _ in "answer" }, totalColumn: "answer")
            return .success(Assessment(
                episodeID: group.episodeID, assessedOn: group.day, instrument: scale.code, items: responses ?? [],
                score: scored.score, scoring: scored.method, timepoint: entry.timepoint))
        } catch {
            return .failure(error)
        }
    }

    private mutating func start(_ group: ItemAnswer.Group) -> Pending {
        if let entry = pending[group] { return entry }
        order.append(group)
        return Pending()
    }

    /// Every assessment, scored or rejected, in the order of its first row; `rawLine` gives a
    /// rejected row's text from its number and span.
    func finish(rawLine: (Int, ByteSpan?) -> String, _ body: (RowResult) throws -> Void) rethrows {
        for group in order {
            guard let entry = pending[group], let scale = registry[group.instrument] else { continue }
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
}
