import OutcomesCore

/// The dataset's clinical events as 12-byte records: the patient is the row's owner in the
/// dataset (its key is the patient's, kept once by `EpisodeTable`), the type a position in
/// `EventType.allCases`, the source a number into its distinct values.
struct EventColumns: Sendable {
    private struct Record: Sendable {
        var day: Int32
        /// Number in `sources`; -1 when not recorded.
        var source: Int32
        var type: UInt8
    }

    private static let types = EventType.allCases
    private var records: [Record] = []
    private var sources = TextNumbering()

    /// How many events are kept.
    var count: Int { records.count }

    /// Appends `event` (its patient key is not kept).
    mutating func append(_ event: ClinicalEvent) {
        records.append(Record(day: Int32(truncatingIfNeeded: event.date.ordinal),
                              source: event.source.map { Int32(sources.number(of: $0)) } ?? -1,
                              type: UInt8(Self.types.firstIndex(of: event.type) ?? 0)))
    }

    /// The day of the event at `row`.
    func date(_ row: Int) -> Day { Day(ordinal: Int(records[row].day)) }

    /// The type of the event at `row`.
    func type(_ row: Int) -> EventType { Self.types[Int(records[row].type)] }

    /// The event at `row`, as a value of the patient whose key is `patientKey`.
    func event(_ row: Int, patientKey: String) -> ClinicalEvent {
        let record = records[row]
        return ClinicalEvent(patientKey: patientKey, date: Day(ordinal: Int(record.day)),
                             type: Self.types[Int(record.type)],
                             source: record.source < 0 ? nil : sources[Int(record.source)])
    }
}
