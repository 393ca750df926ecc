/// A step's target: a wall time, a peak memory, or both.
struct Target {
    var seconds: Double?
    var megabytes: Double?

    static func seconds(_ value: Double) -> Target { Target(seconds: value, megabytes: nil) }
    static func megabytes(_ value: Double) -> Target { Target(seconds: nil, megabytes: value) }

    /// Whether a measurement meets every part of the target.
    func isMet(by measurement: ChildProcess.Measurement) -> Bool {
        (seconds.map { measurement.seconds < $0 } ?? true) && (megabytes.map { measurement.peakMegabytes < $0 } ?? true)
    }

    /// "< 2 s, < 300 MB".
    var text: String {
        [seconds.map { "< \($0.formatted()) s" }, megabytes.map { "< \(Int($0)) MB" }].compactMap { $0 }
            .joined(separator: ", ")
    }
}

/// The targets of issue 13 for the network and for the sample program.
enum Targets {
    case network, sample

    var analyze: Target? {
        switch self {
        case .network: return Target(seconds: 2, megabytes: 300)
        case .sample: return nil
        }
    }

    var memoryOnly: Target? { self == .network ? .megabytes(300) : nil }

    func report(_ name: String) -> Target? {
        switch self {
        case .network: return Target(seconds: name == "monthly" ? 3 : 5, megabytes: 300)
        case .sample: return .seconds(0.2)
        }
    }
}

private extension Double {
    func formatted() -> String { self == rounded() ? String(Int(self)) : String(self) }
}
