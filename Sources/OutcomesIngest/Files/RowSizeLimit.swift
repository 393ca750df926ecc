/// The most the readers keep of one row: a CSV record or an NDJSON line longer than this is read
/// to its end but not kept, and rejected as `malformed_row`, so that memory stays bounded
/// whatever one row of a file holds (a quote never closed, a file with no line break).
enum RowSizeLimit {
    static let bytes = 8 << 20

    /// The limit in words: "8 MiB".
    static var text: String { "\(bytes >> 20) MiB" }
}
