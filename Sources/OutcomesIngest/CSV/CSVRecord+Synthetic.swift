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
            // Through the contiguous UTF-8 bytes: iterating `String.UTF8View` twice per field was a few
            // percent of a FHIR load's instructions.
            var field = field
            field.withUTF8 { bytes in
                if controlCharacter == nil, let byte = ControlCharacters.firstRefused(in: bytes) {
                    controlCharacter = (index, byte)
                }
                rawBytes.append(contentsOf: bytes)
            }
            ends.append(rawBytes.count)
        }
    }
}
