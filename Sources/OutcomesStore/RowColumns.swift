import OutcomesCore

/// One stored row's columns, as a query gives them (`ResultReader`) or as a load has just
/// written them (`WrittenRow`), with the decoding that refuses what a column must not hold. Both
/// kinds of row are packed (`EpisodePack.append`) by the same code, under the same rules.
protocol RowColumns {
    /// Whether column `index` is NULL.
    func isNull(_ index: Int32) -> Bool
    /// Column `index` when it holds an integer, else nil.
    func integer(_ index: Int32) -> Int64?
    /// Column `index` as a double when it holds an integer or a real, else nil.
    func number(_ index: Int32) -> Double?
    /// Column `index` as text, nil when NULL.
    func text(_ index: Int32) -> String?
}

extension RowColumns {
    /// Column `index` as text, empty when NULL.
    func string(_ index: Int32) -> String { text(index) ?? "" }

    /// A whole number that must be there (stored as an integer, not text).
    @inline(__always)
    func requiredInt(_ index: Int32) throws(UndecodableColumn) -> Int {
        guard let value = integer(index) else { throw UndecodableColumn(index: index) }
        return Int(value)
    }

    /// A whole number, nil when NULL; any other type throws.
    @inline(__always)
    func optionalInt(_ index: Int32) throws(UndecodableColumn) -> Int? {
        if isNull(index) { return nil }
        return try requiredInt(index)
    }

    /// A number that must be there (an integer or a real).
    func requiredDouble(_ index: Int32) throws(UndecodableColumn) -> Double {
        guard let value = number(index) else { throw UndecodableColumn(index: index) }
        return value
    }

    /// A v4 day number that must be there.
    func requiredDayNumber(_ index: Int32) throws(UndecodableColumn) -> Day {
        Day(ordinal: try requiredInt(index))
    }

    /// A v4 day number, nil when NULL.
    func optionalDayNumber(_ index: Int32) throws(UndecodableColumn) -> Day? {
        try optionalInt(index).map(Day.init(ordinal:))
    }

    /// A v4 code number that must be there and be one of `code`'s.
    func requiredCode<Code>(_ index: Int32, _ code: StoredCode<Code>) throws(UndecodableColumn) -> Code {
        guard let number = integer(index), let value = code.value(number) else {
            throw UndecodableColumn(index: index)
        }
        return value
    }

    /// A v4 code number, nil when NULL; any other value that is not one of `code`'s throws.
    func optionalCode<Code>(_ index: Int32, _ code: StoredCode<Code>) throws(UndecodableColumn) -> Code? {
        if isNull(index) { return nil }
        return try requiredCode(index, code)
    }

    /// A code column's number, checked to be one of `code`'s.
    @inline(__always)
    func codeNumber<Code>(_ index: Int32, _ code: StoredCode<Code>) throws(UndecodableColumn) -> UInt64 {
        // Checked by range, not turned into the code and back (a scan of the list per row).
        guard let number = integer(index), code.contains(number) else { throw UndecodableColumn(index: index) }
        return UInt64(number)
    }

    /// A code column's number checked to be one of `code`'s, or NULL.
    @inline(__always)
    func optionalCodeNumber<Code>(_ index: Int32, _ code: StoredCode<Code>) throws(UndecodableColumn) -> Int64? {
        if isNull(index) { return nil }
        return Int64(try codeNumber(index, code))
    }

    /// A whole number that must be there and not be negative (a code, minutes, a number).
    @inline(__always)
    func count(_ index: Int32) throws(UndecodableColumn) -> UInt64 {
        let value = try requiredInt(index)
        guard value >= 0 else { throw UndecodableColumn(index: index) }
        return UInt64(value)
    }

    /// A whole number within `range` (what the column's CHECK allows), or NULL.
    func optionalInt(_ index: Int32, within range: ClosedRange<Int>) throws(UndecodableColumn) -> Int? {
        guard let value = try optionalInt(index) else { return nil }
        guard range.contains(value) else { throw UndecodableColumn(index: index) }
        return value
    }

    /// A whole number that is not negative, or NULL.
    @inline(__always)
    func optionalCount(_ index: Int32) throws(UndecodableColumn) -> Int64? {
        guard let value = try optionalInt(index) else { return nil }
        guard value >= 0 else { throw UndecodableColumn(index: index) }
        return Int64(value)
    }

    /// An exact score stored as whole units (column `index`) of 10^-decimals (column `decimals`).
    func requiredScore(_ index: Int32, decimals: Int32) throws(UndecodableColumn) -> Score {
        let units = try requiredInt(index)
        guard let score = Score(units: Int64(units), decimals: try requiredInt(decimals)) else {
            throw UndecodableColumn(index: index)
        }
        return score
    }
}
