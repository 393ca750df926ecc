/// A row a load has just written, read in place from the values it bound (nothing copied): the
/// record's values in column order, the numbers of its numbered columns from `first` on, and
/// where each result column of its pack is among them (`WrittenRowLayout.resultColumns`). The
/// buffers are valid only during the call given this row.
struct BoundRow: RowColumns {
    let values: UnsafeBufferPointer<SQLValue>
    let numbers: UnsafeBufferPointer<SQLValue>
    let first: Int
    let sources: UnsafeBufferPointer<WrittenRowLayout.Source>

    /// `body` applied to result column `index`, read where it lies.
    @inline(__always)
    private func reading<Value>(_ index: Int, _ body: (SQLValue) -> Value) -> Value {
        switch sources[index] {
        case .value(let position): return body(values[position])
        case .number(let position): return body(numbers[first + position])
        }
    }

    /// Result column `index` (a copy: text is retained).
    func value(_ index: Int) -> SQLValue { reading(index) { $0 } }

    @inline(__always)
    func isNull(_ index: Int32) -> Bool { reading(Int(index)) { $0.isNullValue } }

    @inline(__always)
    func integer(_ index: Int32) -> Int64? { reading(Int(index)) { $0.integerValue } }

    func number(_ index: Int32) -> Double? { reading(Int(index)) { $0.numberValue } }

    func text(_ index: Int32) -> String? { reading(Int(index)) { $0.textValue } }
}
