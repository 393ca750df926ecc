extension CSVRecord {
    /// Makes this record row `row` of field values (a FHIR resource turned into a canonical
    /// row), so that it goes through the same validators as a CSV row; control characters are
    /// found as the CSV reader finds them. The buffers are kept: one record serves a whole file.
    mutating func refill(row: Int, fields: [String]) {
        reset()
        self.row = row
        for (index, field) in fields.enumerated() {
            if index > 0 { rawBytes.append(UInt8(ascii: ",")) }
            starts.append(rawBytes.count)
            if controlCharacter == nil, let byte = ControlCharacters.firstRefused(in: field) {
                controlCharacter = (index, byte)
            }
            rawBytes.append(contentsOf: field.utf8)
            ends.append(rawBytes.count)
        }
    }
}
