import OutcomesCore

/// A row as a load has just written it, read through the result columns of its pack's query
/// (`EpisodePack`: `episode_no`, `natural_key`, then `columns`), so that the pack is built from
/// the values written, under the decoding rules of a row read back.
///
/// A load binds every value as the type its column stores (text as text, integers as integers,
/// a goal's weight as a real), so each value here is what SQLite gives back for it.
struct WrittenRow: RowColumns {
    /// The row's result columns, in order; valid only during the call given this row.
    let columns: UnsafeBufferPointer<SQLValue>

    @inline(__always)
    func isNull(_ index: Int32) -> Bool { columns[Int(index)].isNullValue }

    @inline(__always)
    func integer(_ index: Int32) -> Int64? { columns[Int(index)].integerValue }

    func number(_ index: Int32) -> Double? { columns[Int(index)].numberValue }

    func text(_ index: Int32) -> String? { columns[Int(index)].textValue }

    /// Whether this row comes before `other` in the pack's order, whose columns are `order`.
    func precedes(_ other: WrittenRow, order: [Int]) -> Bool {
        for index in order {
            let comparison = sqliteCompare(columns[index], other.columns[index])
            if comparison != 0 { return comparison < 0 }
        }
        return false
    }
}

/// Where a pack's result columns are among a written record's values, and which of them order
/// the pack.
struct WrittenRowLayout {
    /// A column's place: among the record's values, or among its numbered columns' numbers.
    enum Source {
        case value(Int)
        case number(Int)
    }

    /// The pack query's result columns, in order, and their names.
    let resultColumns: [Source]
    let resultNames: [String]
    /// The result columns of the pack's order (`EpisodePack.order`), in order.
    let orderColumns: [Int]

    /// The layout of `pack`'s columns over `table`'s records, whose numbered columns' numbers
    /// come in `numbered` order (table column positions).
    init(pack: any EpisodePack.Type, table: StoredTable, numbered: [Int]) {
        func source(_ name: String) -> Source {
            guard let position = table.columns.firstIndex(of: name) else {
                preconditionFailure("\(pack.packTable) reads \(name), which \(table.name) has not")
            }
            return numbered.firstIndex(of: position).map(Source.number) ?? .value(position)
        }
        func names(_ list: String) -> [String] {
            list.split(separator: ",").map { String($0.filter { !$0.isWhitespace }) }
        }
        let results = ["episode_no", "natural_key"] + names(pack.columns)
        resultColumns = results.map(source)
        resultNames = results
        orderColumns = names(pack.order).map { name in
            guard let index = results.firstIndex(of: name) else {
                preconditionFailure("\(pack.packTable) is ordered by \(name), which it does not read")
            }
            return index
        }
    }
}

/// SQLite's order for two values of one column under the BINARY collation, as the sign of the
/// result: NULL first, then numbers by value, then text by its UTF-8 bytes (not Swift's `<`,
/// which compares Unicode).
func sqliteCompare(_ left: SQLValue, _ right: SQLValue) -> Int {
    switch (left, right) {
    case (.integer(let a), .integer(let b)): return a < b ? -1 : a == b ? 0 : 1
    case (.text(let a), .text(let b)):
        // Read in place (native strings are contiguous; `withUTF8` needs a copy of each to
        // mutate): with those copies and a byte loop, sorting each episode's rows into its pack
        // was 10.7% of the writing thread's samples on an assessments file (5.9% after).
        return a.utf8.withContiguousStorageIfAvailable { a in
            b.utf8.withContiguousStorageIfAvailable { b in binaryOrder(a, b) }
        }.flatMap { $0 } ?? Array(a.utf8).withUnsafeBufferPointer { a in
            Array(b.utf8).withUnsafeBufferPointer { b in binaryOrder(a, b) }
        }
    case (.integer(let a), .real(let b)): return compareNumbers(Double(a), b)
    case (.real(let a), .integer(let b)): return compareNumbers(a, Double(b))
    case (.real(let a), .real(let b)): return compareNumbers(a, b)
    default: return left.sortRank - right.sortRank
    }
}

private func compareNumbers(_ a: Double, _ b: Double) -> Int { a < b ? -1 : a == b ? 0 : 1 }

extension SQLValue {
    /// The class SQLite sorts a value in: NULL, number, text.
    fileprivate var sortRank: Int {
        switch self {
        case .null: return 0
        case .integer, .real: return 1
        case .text: return 2
        }
    }
}
