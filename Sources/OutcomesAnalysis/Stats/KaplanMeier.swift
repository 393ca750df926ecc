import Foundation

/// One subject of a survival analysis: follow-up time in days and whether it ended in the event.
public struct SurvivalObservation: Hashable, Sendable {
    public var time: Int
    public var event: Bool

    public init(time: Int, event: Bool) {
        self.time = time
        self.event = event
    }
}

/// One step of a Kaplan-Meier curve, at a time with at least one event.
public struct KaplanMeierPoint: Hashable, Sendable {
    public var time: Int
    public var atRisk: Int
    public var events: Int
    public var censored: Int
    public var survival: Double
    /// 95% CI by Greenwood's variance on the log(-log) scale; nil where undefined (S = 0 or 1).
    public var ciLow: Double?
    public var ciHigh: Double?
}

/// A Kaplan-Meier survival curve with censor times, a risk table and the median with its CI.
public struct KaplanMeierCurve: Hashable, Sendable {
    /// Steps at event times, in time order (the curve is 1 before the first).
    public var points: [KaplanMeierPoint]
    /// Times at which subjects were censored (one entry per subject), ascending.
    public var censorTimes: [Int]
    /// Number at risk at day 0, 14, 28, ... up to the longest follow-up.
    public var riskTable: [RiskTableRow]
    public var n: Int
    /// First time the curve is at or below 0.5 (the midpoint to the next step when it equals 0.5).
    public var median: Double?
    /// Where the lower and the upper confidence bounds reach 0.5; nil when a bound never does
    /// (bounds are undefined once the curve reaches 0, as in R's survfit).
    public var medianCILow: Double?
    public var medianCIHigh: Double?

    /// Estimates the curve; at tied times events happen before censoring.
    public init(_ observations: [SurvivalObservation], riskTableStep: Int = 14) {
        n = observations.count
        let sorted = observations.sorted { ($0.time, $0.event ? 0 : 1) < ($1.time, $1.event ? 0 : 1) }
        censorTimes = sorted.filter { !$0.event }.map(\.time)
        var points: [KaplanMeierPoint] = []
        var atRisk = sorted.count
        var survival = 1.0
        var greenwood = 0.0
        var index = 0
        while index < sorted.count {
            let time = sorted[index].time
            var events = 0
            var censored = 0
            while index < sorted.count, sorted[index].time == time {
                if sorted[index].event { events += 1 } else { censored += 1 }
                index += 1
            }
            if events > 0 {
                survival *= 1 - Double(events) / Double(atRisk)
                greenwood += events < atRisk ? Double(events) / Double(atRisk * (atRisk - events)) : .infinity
                let (low, high) = KaplanMeierCurve.logLogInterval(survival: survival, greenwood: greenwood)
                points.append(KaplanMeierPoint(time: time, atRisk: atRisk, events: events, censored: censored,
                                               survival: survival, ciLow: low, ciHigh: high))
            }
            atRisk -= events + censored
        }
        self.points = points
        let longest = sorted.last?.time ?? 0
        riskTable = stride(from: 0, through: longest, by: max(1, riskTableStep)).map { day in
            RiskTableRow(time: day, atRisk: sorted.lazy.filter { $0.time >= day }.count)
        }
        median = KaplanMeierCurve.crossing(points, \.survival)
        medianCILow = KaplanMeierCurve.crossing(points, \.ciLow)
        medianCIHigh = KaplanMeierCurve.crossing(points, \.ciHigh)
    }

    /// S^exp(+/- 1.96 se), se = sqrt(greenwood) / |log S|; undefined at S = 0 or S = 1.
    static func logLogInterval(survival: Double, greenwood: Double) -> (Double?, Double?) {
        guard survival > 0, survival < 1, greenwood.isFinite else { return (nil, nil) }
        let se = greenwood.squareRoot() / abs(log(survival))
        return (pow(survival, exp(1.96 * se)), pow(survival, exp(-1.96 * se)))
    }

    /// The first step time where `value` is at or below 0.5; when it is exactly 0.5, the
    /// midpoint between that time and the next step (as R's survfit does).
    static func crossing(_ points: [KaplanMeierPoint], _ value: (KaplanMeierPoint) -> Double?) -> Double? {
        for (index, point) in points.enumerated() {
            guard let y = value(point), y <= 0.5 else { continue }
            if abs(y - 0.5) < 1e-12, index + 1 < points.count {
                return Double(point.time + points[index + 1].time) / 2
            }
            return Double(point.time)
        }
        return nil
    }
}

/// Number at risk at one time of a Kaplan-Meier risk table.
public struct RiskTableRow: Hashable, Sendable {
    public var time: Int
    public var atRisk: Int
}
