extension CSVRecord {
    /// Makes this record row `row` of `fieldCount` empty fields, to be set with `setField`: a FHIR
    /// resource turned into a canonical row goes through the same validators as a CSV row. The
    /// buffers are kept: one record serves a whole file.
    mutating func refill(row: Int, fieldCount: Int) {
        reset()
        self.row = row
        starts.append(contentsOf: repeatElement(0, count: fieldCount))
        ends.append(contentsOf: repeatElement(0, count: fieldCount))
    }

    /// Sets field `index` to `value` (a later value of a field replaces an earlier one), writing
    /// its bytes straight into the record; control characters are found as the CSV reader finds
    /// them, in the first field holding one.
    mutating func setField(_ index: Int, _ value: String) {
        var value = value
        // Through the contiguous UTF-8 bytes: iterating `String.UTF8View` was a few percent of a
        // FHIR load's instructions.
        let refused = value.withUTF8 { bytes in
            starts[index] = rawBytes.count
            rawBytes.append(contentsOf: bytes)
            ends[index] = rawBytes.count
            return ControlCharacters.firstRefused(in: bytes)
        }
        if controlCharacter?.field == index {
            controlCharacter = nil // the value replaced held it
            findControlCharacter()
        } else if let refused, controlCharacter.map({ index < $0.field }) ?? true {
            controlCharacter = (index, refused)
        }
    }
}
