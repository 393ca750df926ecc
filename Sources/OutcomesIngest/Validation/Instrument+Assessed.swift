import OutcomesCore

extension Instrument {
    /// The score of one administration from its item responses (nil = none given) and its
    /// stated total (nil = none): items out of range, too many missing items, a total outside
    /// the total range, items and a total that disagree, or neither given are rejects, named at
    /// `itemColumn(n)` for item n and at `totalColumn` for the total. Wide rows, long rows and
    /// FHIR resources all score through here.
    func assessed(responses: [Score?]?, given: Score?, itemColumn: (Int) -> String?,
                  totalColumn: String?) throws(RowReject) -> (score: Score, method: ScoringMethod) {
        var scored: (total: Score, method: ScoringMethod)?
        if let responses {
            switch score(items: responses) {
            case .scored(let value, let method): scored = (value, method)
            case .itemOutOfRange(let item, let value):
                throw RowReject(itemColumn(item), .outOfRange, "\(value) is not a response of \(code) item \(item)")
            case .tooManyMissing(let missing, let allowed):
                throw RowReject(itemColumn(1), .tooManyMissingItems,
                                "\(missing) of \(itemCount) items are missing; \(code) allows \(allowed)")
            }
        }
        if let given, !totalRange.contains(given) {
            let range = "\(totalRange.lowerBound)...\(totalRange.upperBound)"
            throw RowReject(totalColumn, .outOfRange, "\(given) is outside the \(code) total range \(range)")
        }
        if let given, let scored, given != scored.total {
            let how = scored.method == .prorated ? "prorated " : ""
            throw RowReject(totalColumn, .totalMismatch,
                            "the items give a \(how)total of \(scored.total) but the stated total is \(given)")
        }
        guard let score = scored?.total ?? given else {
            throw RowReject(totalColumn, .missingField, "neither item responses nor a total are given")
        }
        return (score, scored?.method ?? .totalOnly)
    }
}
