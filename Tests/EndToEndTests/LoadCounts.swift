/// One load's file, table, digest and counts as JSON spells them, both in `ingest --format json`
/// (a file's summary) and in `loads --format json` (a row of the load log).
struct LoadCounts: Decodable {
    var file: String
    var table: String
    var sha256: String
    var read: Int
    var loaded: Int
    var updated: Int
    var duplicates: Int
    var rejected: Int
    var rejects_by_reason: [String: Int]
}
