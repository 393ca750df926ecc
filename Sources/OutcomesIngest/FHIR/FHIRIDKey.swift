/// A resource id as 128 bits, for the index's maps that hold an entry per patient or per
/// referenced Encounter (a year of a network's Observations name ~1.25 million): 16 bytes
/// where the id's `String` took 50 to 80 once longer than 15 bytes (a UUID is 36).
///
/// Two SipHash values of the id under this process's random seed, told apart by a prefix byte:
/// two different ids share a key with probability 2^-128 (among 1.25 million ids, about
/// 2^-88), and no input can aim at a collision, the seed being unknown and new in each run.
struct FHIRIDKey: Hashable, Sendable {
    private let high: UInt64
    private let low: UInt64

    init(_ id: String) {
        var id = id
        (high, low) = id.withUTF8 { bytes in (Self.hash(bytes, prefix: 0), Self.hash(bytes, prefix: 1)) }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, prefix: UInt8) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(prefix)
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }
}
