/// A run of rows (`EpisodePackBuilder`) of an episode with no stored pack, packed row by row as
/// the rows are stored, read where they were bound (`BoundRow`), for as long as they come in the
/// pack's order, as an export sorted by episode and date gives them: no row is copied into the
/// run, sorted, decoded again or freed at its end. A row out of order ends the streaming: the
/// rows packed so far are decoded back into values (`rows(episode:)`) and the run goes on as a
/// kept one, packed when it ends.
struct StreamedRun {
    private let pack: any EpisodePack.Type
    /// The result columns of the pack's order (`WrittenRowLayout.orderColumns`).
    private let order: [Int]
    private var writer: PackWriter
    private var keys = NaturalKeyList.Writer()
    private var previousDay: Int64 = 0
    /// The order columns of the last row packed.
    private var last: [SQLValue]
    /// How many rows are packed.
    private(set) var count = 0

    /// An empty run of `pack`'s rows, ordered by the result columns `order`.
    init(pack: any EpisodePack.Type, order: [Int]) {
        self.pack = pack
        self.order = order
        writer = PackWriter(version: pack.version)
        last = Array(repeating: .null, count: order.count)
    }

    /// The pack of the rows packed, and their key list.
    var packed: (facts: [UInt8], keys: [UInt8]) { (writer.bytes, keys.bytes) }

    /// Packs `row` when it comes after the last row packed in the pack's order (or is the first),
    /// and returns true; returns false, packing nothing, when it does not.
    mutating func append(_ row: BoundRow) throws(UndecodableColumn) -> Bool {
        if count > 0 {
            for (position, column) in order.enumerated() {
                let comparison = sqliteCompare(row.value(column), last[position])
                if comparison < 0 { return false }
                if comparison > 0 { break }
            }
        }
        try pack.append(.bound(row), to: &writer, previousDay: &previousDay)
        // Result column 1 is the natural key.
        keys.append(row.text(1) ?? "")
        for (position, column) in order.enumerated() { last[position] = row.value(column) }
        count += 1
        return true
    }

    /// The rows packed, as result columns row after row (the episode numbered `episode` first):
    /// the values decoding their pack gives, which pack again into the same bytes.
    func rows(episode: Int64) throws -> [SQLValue] {
        var rows: [SQLValue] = []
        let (facts, keyList) = packed
        let decoded = facts.withUnsafeBytes { facts in
            keyList.withUnsafeBytes { keyList in
                Result { () throws(MalformedPack) in
                    try pack.appendRows(facts: facts, keys: keyList, episode: episode, to: &rows)
                }
            }
        }
        guard case .success = decoded else {
            throw StoreError.sqlite(message: "the \(pack.packTable) being built for episode \(episode) does not decode")
        }
        return rows
    }
}
