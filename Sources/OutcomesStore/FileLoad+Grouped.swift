extension FileLoad {
    /// Stores a record built from `lines` input lines (a long assessment's item answers, a FHIR
    /// panel and its member Observations) and counts every line with the record's disposition,
    /// so that `read = loaded + updated + duplicates + rejected` still counts lines.
    @discardableResult
    public func store(_ record: PreparedRecord, lines: Int) throws -> RowDisposition {
        let disposition = try store(record)
        summary.count(disposition, lines: max(lines, 1) - 1)
        return disposition
    }
}
