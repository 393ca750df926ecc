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

extension ParallelJobs {
    /// The result of one of two jobs of different types.
    private enum EitherOutcome<A: Sendable, B: Sendable>: Sendable { case first(A), second(B) }

    /// Runs two throwing jobs of different result types at once; the first error thrown is rethrown.
    public static func run<A: Sendable, B: Sendable>(
        _ first: @escaping @Sendable () throws -> A, _ second: @escaping @Sendable () throws -> B
    ) throws -> (A, B) {
        let outcomes = run([
            { Result { EitherOutcome<A, B>.first(try first()) } },
            { Result { EitherOutcome<A, B>.second(try second()) } },
        ] as [@Sendable () -> Result<EitherOutcome<A, B>, any Error>])
        guard outcomes.count == 2, case .first(let a) = try outcomes[0].get(), case .second(let b) = try outcomes[1].get()
        else { preconditionFailure("ParallelJobs.run returns one result per job, in order") }
        return (a, b)
    }
}
