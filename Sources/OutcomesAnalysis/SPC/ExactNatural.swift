/// A non-negative integer of any size, just big enough for exact binomial sums.
///
/// Little-endian 32-bit limbs with no trailing zero limbs; zero has no limbs.
struct ExactNatural: Comparable, Sendable {
    private(set) var limbs: [UInt32]

    init(_ value: UInt32) {
        limbs = value == 0 ? [] : [value]
    }

    /// 2 raised to `exponent`.
    static func powerOfTwo(_ exponent: Int) -> ExactNatural {
        var result = ExactNatural(0)
        result.limbs = Array(repeating: 0, count: exponent / 32) + [UInt32(1) << UInt32(exponent % 32)]
        return result
    }

    static func + (lhs: ExactNatural, rhs: ExactNatural) -> ExactNatural {
        var result = ExactNatural(0)
        var carry: UInt64 = 0
        for index in 0..<max(lhs.limbs.count, rhs.limbs.count) {
            let left = index < lhs.limbs.count ? UInt64(lhs.limbs[index]) : 0
            let right = index < rhs.limbs.count ? UInt64(rhs.limbs[index]) : 0
            let sum = left + right + carry
            result.limbs.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        if carry > 0 { result.limbs.append(UInt32(carry)) }
        return result
    }

    /// Multiplies in place by a small factor.
    mutating func multiply(by factor: UInt32) {
        var carry: UInt64 = 0
        for index in limbs.indices {
            let product = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry > 0 { limbs.append(UInt32(carry)) }
        trim()
    }

    /// Divides in place by a small non-zero divisor, discarding the remainder.
    mutating func divide(by divisor: UInt32) {
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            let current = (remainder << 32) | UInt64(limbs[index])
            limbs[index] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        trim()
    }

    static func < (lhs: ExactNatural, rhs: ExactNatural) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count }
        for index in lhs.limbs.indices.reversed() where lhs.limbs[index] != rhs.limbs[index] {
            return lhs.limbs[index] < rhs.limbs[index]
        }
        return false
    }

    private mutating func trim() {
        while limbs.last == 0 { limbs.removeLast() }
    }
}
