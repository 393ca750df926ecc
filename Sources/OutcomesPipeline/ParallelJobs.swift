import Foundation

/// Runs independent jobs on all cores and returns their results in order.
public enum ParallelJobs {
    private final class Slots<T>: @unchecked Sendable {
        var values: [T?]
        let lock = NSLock()
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: T) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }
    }

    /// Runs every job, as many at once as there are cores; the results come back in the jobs' order.
    public static func run<T>(_ jobs: [@Sendable () -> T]) -> [T] {
        let slots = Slots<T>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in slots.set(index, jobs[index]()) }
        return slots.values.compactMap { $0 }
    }
}
