import GRDBSQLite

/// One buffer holding the text values bound to a statement until its step is done, so that
/// SQLite reads them in place (`SQLITE_STATIC`) instead of copying each into memory of its own
/// (`SQLITE_TRANSIENT`: a malloc, a copy and a free per text value per row).
///
/// The buffer is reused for every row: `reserve(for:)` makes room for a whole row before any
/// value is bound (so that no bound value moves), and every parameter is bound again before
/// the next step.
final class StatementTexts {
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private var used = 0

    init(capacity: Int = 4096) {
        self.capacity = capacity
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 1)
    }

    deinit { storage.deallocate() }

    /// Empties the buffer and makes room for every text among the values of `rows`.
    func reserve<Rows: Collection>(for rows: Rows) where Rows.Element == [SQLValue] {
        used = 0
        var needed = 0
        for values in rows {
            for case .text(let text) in values { needed += text.utf8.count }
        }
        guard needed > capacity else { return }
        storage.deallocate()
        capacity = max(needed, 2 * capacity)
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 1)
    }

    /// Binds `value` to the 1-based parameter `index` of `statement`; text is copied into the
    /// buffer (reserved beforehand) and bound from there.
    func bind(_ value: SQLValue, to statement: OpaquePointer, at index: Int32) {
        guard case .text(var text) = value else { return statement.bind(value, at: index) }
        let start = storage + used
        let count = text.withUTF8 { bytes in
            if let base = bytes.baseAddress { start.copyMemory(from: base, byteCount: bytes.count) }
            return bytes.count
        }
        used += count
        sqlite3_bind_text(statement, index, start.assumingMemoryBound(to: CChar.self), Int32(count), nil)
    }
}
