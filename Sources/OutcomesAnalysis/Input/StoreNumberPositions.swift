/// Dataset positions of the store's episode numbers, in a table that spans only the numbers
/// given (a window's episodes of a long history hold a narrow range of numbers: at 1,000,000
/// episodes a table from 0 held 8 MB for 200,000 positions).
struct StoreNumberPositions: Sendable {
    /// The smallest number given; `positions[i]` belongs to number `first + i`.
    private let first: Int64
    /// Positions by number, -1 for a number in range that is not an episode of the dataset.
    private var positions: [Int32]

    /// No number.
    init() {
        first = 0
        positions = []
    }

    /// `numbers[i]` is the store's number of the episode at position `i` (distinct numbers).
    init(_ numbers: [Int64]) {
        guard let low = numbers.min(), let high = numbers.max() else {
            first = 0
            positions = []
            return
        }
        first = low
        positions = [Int32](repeating: -1, count: Int(high - low + 1))
        for (position, number) in numbers.enumerated() { positions[Int(number - low)] = Int32(position) }
    }

    /// The position of episode `number`, or -1 when it is not an episode of the dataset.
    func position(of number: Int64) -> Int32 {
        let offset = number &- first
        return offset >= 0 && offset < Int64(positions.count) ? positions[Int(offset)] : -1
    }
}
