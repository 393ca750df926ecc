/// True when `actual` is within `tolerance` of a hand-computed `expected` value.
func approximately(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-4) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance
}
