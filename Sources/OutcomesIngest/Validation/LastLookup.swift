import Synchronization

/// The last key looked up and what it found, kept so that the same key asked again (rows of one
/// episode or one patient come one after another) is answered with one comparison. A Mutex
/// guards the pair: the owner is shared as `Sendable`.
final class LastLookup<Value: Sendable>: Sendable {
    private let last = Mutex<(key: String, value: Value)?>(nil)

    /// The value of `key`: the remembered one when `key` is the last key looked up, else `find(key)`.
    func value(of key: String, find: (String) -> Value) -> Value {
        if let remembered = last.withLock({ $0?.key == key ? $0 : nil }) { return remembered.value }
        let value = find(key)
        last.withLock { $0 = (key, value) }
        return value
    }
}
