extension CSVRecord {
    /// Finds the first field holding a control character that `ControlCharacters` refuses, once
    /// the record is finished.
    mutating func findControlCharacter() {
        for index in 0..<fieldCount {
            let (buffer, range) = bytes(index)
            let quoted = quotedFields.contains(index)
            if let found = buffer[range].first(where: { ControlCharacters.refuses($0, quoted: quoted) }) {
                controlCharacter = (index, found)
                return
            }
        }
    }

    /// Why the record could not be split into fields, for people; nil when it could. The same
    /// words serve a data row (`malformed_row`) and the header (a file error): `what` names it.
    func structuralProblem(_ what: String) -> String? {
        if unterminatedQuote { return "\(what) has a quoted field that is never closed: the file ends inside it" }
        guard oversized else { return nil }
        let limit = "\(what) is longer than \(RowSizeLimit.text), the most the reader keeps of one row"
        return oversizedInQuotes
            ? "\(limit): a quoted field runs on past that limit, so a quote is probably never closed"
            : "\(limit), and has no line break in that length"
    }
}
