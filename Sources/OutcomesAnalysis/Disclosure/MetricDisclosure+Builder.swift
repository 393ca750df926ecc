import OutcomesCore

extension MetricDisclosure {
    /// A metric of one cohort of one group (a period, or one month of a trend).
    public struct MetricPlace: Hashable, Sendable {
        public var group: Int
        public var cohort: CohortKey
        public var id: String

        /// The metric `id` of `cohort` in the group numbered `group`.
        public init(group: Int, cohort: CohortKey = .overall, id: String) {
            self.group = group
            self.cohort = cohort
            self.id = id
        }
    }

    /// The counts of a metric: a rate's numerator and denominator, a statistic's n.
    public enum Role: String, Hashable, Sendable {
        case num, den, n
    }

    /// Turns cohorts' metric sets into the cells and relations of one output.
    ///
    /// A count that several metrics of one cohort share is one cell, named by what it counts
    /// (its unit, with the instrument for per-instrument units) and its value: the
    /// denominator of every rate over the discharges, the n of a mean over outcome pairs, the
    /// pairs of an instrument and the rates over its pairs, the discharges of the census.
    public struct Builder {
        public private(set) var output = DisclosureOutput()
        /// Each metric's count cells.
        public private(set) var cellsOfMetric: [MetricPlace: [Int]] = [:]
        /// A metric's count cells by role.
        public private(set) var roles: [MetricPlace: [Role: Int]] = [:]
        private var related: Set<[Int]> = []
        /// The cell of each counted unit (`countedUnit`) of each cohort of each group.
        private var unitCells: [String: Int] = [:]
        private let isDisplayed: (MetricPlace) -> Bool

        /// An empty output; `isDisplayed` says which metrics the output prints (all by default):
        /// the others' counts are cells the reader does not see.
        public init(isDisplayed: @escaping (MetricPlace) -> Bool = { _ in true }) {
            self.isDisplayed = isDisplayed
        }

        /// The cell of one count of a metric, if the output has the metric.
        public func cell(_ place: MetricPlace, _ role: Role) -> Int? { roles[place]?[role] }

        /// Adds every metric of `cohorts` (the overall cohort and the cohorts that cut it) as
        /// the group numbered `group`, with their relations.
        public mutating func add(group: Int, _ cohorts: Cohorts) {
            for cohort in cohorts {
                for entry in cohort.metrics.entries { addCells(MetricPlace(group: group, cohort: cohort.key, id: entry.id),
                                                               entry.value) }
                relateWithinCohort(group: group, cohort.key, cohort.metrics)
            }
            relateCohorts(group: group, cohorts)
        }

        /// Records any further relation (a total and its parts) between cells of the output.
        public mutating func relate(total: Int, parts: [Int]) {
            if related.insert([total] + parts).inserted { output.relate(total: total, parts: parts) }
        }

        /// Records that the months numbered `months` make up the period numbered `period`: for
        /// every count of the period's overall cohort that its months' counts add up to exactly
        /// (a rate over sessions or discharges dated in the period), the months sum to it.
        public mutating func relate(period: Int, months: [Int]) {
            let places = roles.keys.filter { $0.group == period && $0.cohort.isOverall }.sorted { $0.id < $1.id }
            for place in places {
                for (role, total) in (roles[place] ?? [:]).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    let parts = months.compactMap { cell(MetricPlace(group: $0, id: place.id), role) }
                    guard parts.count == months.count,
                          parts.reduce(0, { $0 + output.cells[$1].value }) == output.cells[total].value else { continue }
                    relate(total: total, parts: parts)
                }
            }
        }

        /// Adds a count the output needs that is no metric (a cell of a cross table, a bar).
        public mutating func cell(_ name: String, value: Int, isDisplayed: Bool) -> Int {
            output.cell(name, value: value, isDisplayed: isDisplayed)
        }

        private mutating func addCells(_ place: MetricPlace, _ value: MetricValue) {
            let prefix = "\(place.group)|\(place.cohort)|"
            let shown = isDisplayed(place)
            func count(_ role: Role, _ value: Int) -> Int {
                let unit = Self.countedUnit(place.id, role)
                let name = unit.map { "\(prefix)count of \($0)|\(value)" } ?? "\(prefix)\(place.id)|\(role)"
                let cell = output.cell(name, value: value, isDisplayed: shown)
                if let unit { unitCells[prefix + unit] = cell }
                return cell
            }
            switch value {
            case .proportion(_, let num, let den):
                roles[place] = [.num: count(.num, num), .den: count(.den, den)]
                // A numerator counts some of the denominator's units
                if let (num, den) = roles[place].map({ ($0[.num]!, $0[.den]!) }), num != den {
                    relate(total: den, parts: [num], remainderName: "rest of \(place.id) in")
                }
            case .statistic(_, let n, _, _):
                roles[place] = [.n: count(.n, n)]
            }
            cellsOfMetric[place] = roles[place].map { Array($0.values).sorted() }
        }

        /// What a count of a metric counts, when other metrics count the same units: a rate's
        /// denominator and a mean's or median's n (their unit); an instrument's pairs (what its
        /// rates over pairs divide by); the census's admissions and discharges. Nil for a count
        /// only this metric has (a numerator, the episodes without a pair).
        static func countedUnit(_ id: String, _ role: Role) -> String? {
            guard let (definition, slot) = MetricRegistry.resolve(id) else { return nil }
            let subject = definition.slot == "<INSTRUMENT>" ? slot : ""
            switch (role, definition.kind) {
            case (.den, _), (.n, .mean), (.n, .median): return "\(subject)|\(definition.unit)"
            case (.num, _) where id == MetricID.outcome(subject, "pairs"):
                return countedUnit(MetricID.outcome(subject, "reliable_improvement_rate"), .den)
            case (.n, _) where id == MetricID.discharges: return "|discharges"
            case (.n, _) where id == MetricID.admissions: return "|admissions"
            default: return nil
            }
        }

        /// Pairs + no pair = scored discharges, per instrument, and the cases at baseline are some
        /// of the pairs, the scored discharges some of the discharges; the discharge reasons sum
        /// to the discharges.
        private mutating func relateWithinCohort(group: Int, _ cohort: CohortKey, _ metrics: MetricSet) {
            func cell(_ id: String, _ role: Role) -> Int? { self.cell(MetricPlace(group: group, cohort: cohort, id: id), role) }
            func unit(_ id: String) -> Int? { Self.countedUnit(id, .den).flatMap { unitCells["\(group)|\(cohort)|" + $0] } }
            for id in metrics.ids where id.hasPrefix("outcomes.") && id.hasSuffix(".pairs") {
                let instrument = String(id.dropFirst("outcomes.".count).dropLast(".pairs".count))
                if let scored = cell(id, .den), let pairs = cell(id, .num),
                   let noPair = cell(MetricID.outcome(instrument, "no_pair"), .n) {
                    relate(total: scored, parts: [pairs, noPair])
                }
                if let pairs = cell(id, .num), let cases = unit(MetricID.outcome(instrument, "recovery_rate")), cases != pairs {
                    relate(total: pairs, parts: [cases], remainderName: "rest of")
                }
                if let scored = cell(id, .den), let discharges = unit(MetricID.completionRate), scored != discharges {
                    relate(total: discharges, parts: [scored], remainderName: "rest of")
                }
            }
            let reasons = DischargeReason.allCases.map(MetricID.dischargeReason)
            let parts = reasons.compactMap { cell($0, .num) }
            let totals = Set(reasons.compactMap { cell($0, .den) })
            if parts.count == reasons.count, totals.count == 1, let total = totals.first {
                relate(total: total, parts: parts)
            }
        }

        /// For every count, the overall cohort is the sum of each dimension's cohorts and an
        /// unprinted remainder (episodes whose value no cohort shows).
        private mutating func relateCohorts(group: Int, _ cohorts: Cohorts) {
            guard let overall = cohorts.first(where: { $0.key.isOverall }) else { return }
            let byDimensions = Dictionary(grouping: cohorts.filter { !$0.key.isOverall }) {
                $0.key.components.map(\.dimension.rawValue).joined(separator: ",")
            }
            for (dimensions, parts) in byDimensions.sorted(by: { $0.key < $1.key }) {
                for id in overall.metrics.ids {
                    guard let totalRoles = roles[MetricPlace(group: group, cohort: overall.key, id: id)] else { continue }
                    for (role, total) in totalRoles.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                        let partCells = parts.compactMap { cell(MetricPlace(group: group, cohort: $0.key, id: id), role) }
                        relate(total: total, parts: partCells, remainderName: "rest of \(dimensions) in")
                    }
                }
            }
        }

        /// `total` = `parts` + an unprinted remainder when the parts fall short (units in no
        /// part shown); nothing when they add up to more (parts that overlap).
        public mutating func relate(total: Int, parts: [Int], remainderName: String) {
            let remainder = output.cells[total].value - parts.reduce(0) { $0 + output.cells[$1].value }
            guard remainder >= 0 else { return }
            var summed = parts
            if remainder > 0 {
                let partNames = parts.map { output.cells[$0].name }.joined(separator: ", ")
                summed.append(output.cell("\(remainderName) \(output.cells[total].name) beside \(partNames)", value: remainder,
                                          isDisplayed: false))
            }
            relate(total: total, parts: summed)
        }
    }
}
