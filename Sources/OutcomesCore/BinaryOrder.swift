import Foundation

/// The order of SQLite's BINARY collation over two texts' UTF-8 bytes, as the sign of the result:
/// `memcmp` over their shared length, then the shorter first when one is the start of the other.
/// (Not Swift's `<` on strings, which compares Unicode.) `memcmp` rather than a byte loop: one
/// episode's natural keys share a long prefix, and the loop over it was most of sorting an
/// episode's assessments into their pack.
public func binaryOrder(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let shared = min(a.count, b.count)
    if shared > 0, let left = a.baseAddress, let right = b.baseAddress {
        let order = memcmp(left, right, shared)
        if order != 0 { return order < 0 ? -1 : 1 }
    }
    return a.count - b.count
}
