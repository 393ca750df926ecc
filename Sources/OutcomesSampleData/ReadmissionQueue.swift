import OutcomesCore

/// Patients waiting to be readmitted, earliest first (a binary min-heap of bounded size, so
/// memory stays flat however many episodes are generated).
struct ReadmissionQueue {
    struct Entry {
        /// Earliest admission day of the new episode.
        var day: Day
        /// Tie-break that keeps the order deterministic.
        var sequence: Int
        var patient: Patient
        var track: Track
    }

    private var heap: [Entry] = []
    private var sequence = 0
    /// Entries beyond this are dropped (the patient is simply not readmitted).
    let capacity: Int

    init(capacity: Int = 50_000) { self.capacity = capacity }

    mutating func push(day: Day, patient: Patient, track: Track) {
        guard heap.count < capacity else { return }
        sequence += 1
        heap.append(Entry(day: day, sequence: sequence, patient: patient, track: track))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest entry when it is due on or before `day`.
    mutating func popDue(on day: Day) -> Entry? {
        guard let first = heap.first, first.day <= day else { return nil }
        let last = heap.removeLast()
        guard !heap.isEmpty else { return first }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && less(left, smallest) { smallest = left }
            if right < heap.count && less(right, smallest) { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        (heap[a].day, heap[a].sequence) < (heap[b].day, heap[b].sequence)
    }
}
