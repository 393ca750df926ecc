import GRDBSQLite

/// Blocks of memory holding the text values bound to a statement until its step is done, so
/// that SQLite reads them in place (`SQLITE_STATIC`) instead of copying each into memory of its
/// own (`SQLITE_TRANSIENT`: a malloc, a copy and a free per text value per row).
///
/// The blocks are reused for every statement: `empty()` before its values are bound, and every
/// parameter is bound again before the next step. A value that does not fit in the rest of a
/// block goes to the next block, so no bound value ever moves (measured: counting a batch's text
/// bytes beforehand, to make room for all of them in one buffer, was 227 instructions a row of
/// a sessions file on the loading thread); a value longer than a block is copied by SQLite.
final class StatementTexts {
    private let blockSize: Int
    private var blocks: [UnsafeMutableRawPointer] = []
    /// The block being filled, and how many of its bytes are.
    private var current = 0
    private var used = 0

    init(blockSize: Int = 1 << 15) {
        self.blockSize = blockSize
        blocks.append(UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 1))
    }

    deinit { for block in blocks { block.deallocate() } }

    /// Forgets the values held: the statement they were bound to is reset.
    func empty() {
        current = 0
        used = 0
    }

    /// Where `count` bytes fit, in the block being filled or the next one (nil when more than
    /// a block).
    private func room(for count: Int) -> UnsafeMutableRawPointer? {
        guard count <= blockSize else { return nil }
        if used + count > blockSize {
            current += 1
            used = 0
            if current == blocks.count {
                blocks.append(UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 1))
            }
        }
        defer { used += count }
        return blocks[current] + used
    }

    /// Binds `value` to the 1-based parameter `index` of `statement`; text is copied into a block
    /// and bound from there (a text longer than a block, as a copy SQLite makes). The text is
    /// read where it lies: a mutable copy of it (for `withUTF8`) cost a retain and a release of
    /// every text value bound.
    func bind(_ value: SQLValue, to statement: OpaquePointer, at index: Int32) {
        guard case .text(let text) = value else { return statement.bind(value, at: index) }
        let bound: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let start = room(for: bytes.count) else { return false }
            if let base = bytes.baseAddress { start.copyMemory(from: base, byteCount: bytes.count) }
            sqlite3_bind_text(statement, index, start.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
            return true
        }
        if bound != true { statement.bind(value, at: index) }
    }
}
