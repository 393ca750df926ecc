/// A value handed to a job on another core and taken back once the job is done. Moved into the
/// box, the value's storage has no other reference, so the job changes it in place.
final class Handed<Value>: @unchecked Sendable {
    /// The value; one job at a time reads or changes it.
    var value: Value

    init(_ value: consuming Value) { self.value = value }

    /// Takes the value out, leaving `empty` (the box then holds no reference to its storage).
    func take(leaving empty: Value) -> Value {
        var taken = empty
        swap(&taken, &value)
        return taken
    }
}
