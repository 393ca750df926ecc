import OutcomesCore

extension RowFields {
    /// A score of `instrument` (an item response or a total): an exact decimal with at most the
    /// instrument's decimals, returned with exactly that many; nil when blank. `bad_number` for
    /// text that is no number, for a magnitude beyond `Score.limit`, and for a value more
    /// precise than the instrument (`62.5` where the instrument takes whole numbers).
    func score(_ column: ColumnRef, of instrument: Instrument) throws(RowReject) -> Score? {
        if isBlank(column) { return nil }
        let (bytes, range) = self.bytes(column)
        let places = instrument.decimals
        let kind = places == 0 ? "a whole number" : "a number"
        guard let value = Score.parse(bytes, range) else {
            throw RowReject(column.name, .badNumber, "the value is not \(kind)")
        }
        guard let exact = value.rescaled(to: places) else {
            let plural = places == 1 ? "" : "s"
            let precision = places == 0 ? "whole numbers" : "numbers with at most \(places) decimal place\(plural)"
            throw RowReject(column.name, .badNumber,
                            "the value is not \(kind): \(instrument.code) scores are \(precision)")
        }
        return exact
    }
}
