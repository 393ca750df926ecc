/// Rows of text laid out in columns for a terminal, as `explain`, `analyze --watch-list` and
/// `loads` print their tables: each column as wide as its widest cell, two spaces between
/// columns, no trailing spaces.
public enum TextColumns {
    /// One line per row; a cell is left-aligned unless its column is in `rightAligned`.
    public static func lines(_ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { cells in
            let line = cells.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - cells[column].count)
                return rightAligned.contains(column) ? padding + cells[column] : cells[column] + padding
            }.joined(separator: "  ")
            return String(line.reversed().drop { $0 == " " }.reversed())
        }
    }
}
