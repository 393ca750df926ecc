import OutcomesCore

/// The dataset's episodes as 72-byte records: the eight descriptive texts (program, site,
/// demographics, payer, referral, diagnosis) as numbers into one list of distinct values, the
/// patient as a number into one key per patient (`PatientKeys`), days as ordinals. An `Episode`
/// value is made when a position is read. At 200,000 episodes the `[Episode]` it replaces took 224 bytes an
/// episode plus a 64-character patient key each (67 MB by heaptrack).
///
/// Ages and planned weeks are kept in 32 bits (ingest holds ages to 0-120; planned weeks beyond
/// 2^31 are clamped).
public struct EpisodeTable: RandomAccessCollection, Sendable {
    struct Record: Sendable {
        var episodeID: String
        /// Program, site, sex, race, ethnicity, payer, referral source, primary diagnosis:
        /// positions in `texts`, `noText` when not recorded.
        var texts: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
        var patient: Int32
        var admission: Int32
        /// `Int32.min` while open.
        var discharge: Int32
        /// `Int32.min` when not recorded.
        var age: Int32
        /// `Int32.min` when not recorded.
        var plannedWeeks: Int32
        /// Position in `LevelOfCare.allCases`.
        var level: UInt8
        /// Position in `DischargeReason.allCases`; `UInt8.max` when not recorded.
        var reason: UInt8
    }

    private static let noText = UInt32.max
    private static let notRecorded = Int32.min
    private static let levels = LevelOfCare.allCases
    private static let reasons = DischargeReason.allCases

    private var records: [Record] = []
    private var texts = TextNumbering()
    private var patients = PatientKeys()

    /// An empty table with room for `capacity` episodes.
    init(capacity: Int = 0) {
        records.reserveCapacity(capacity)
        patients.reserveCapacity(capacity)
    }

    /// How many patients the episodes belong to.
    var patientCount: Int { patients.count }

    /// The number of the patient whose key is `key`; nil when no episode's is, or once
    /// `dropPatientIndex()` has run.
    func patientNumber(ifKnown key: String) -> Int32? { patients.number(ifKnown: key) }

    /// The key of patient number `patient`.
    func patientKey(ofPatient patient: Int32) -> String { patients[patient] }

    /// Frees the index of patient keys once every row has found its patient.
    mutating func dropPatientIndex() { patients.dropIndex() }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    /// The episode at `position`, made from its record.
    public subscript(position: Int) -> Episode {
        let record = records[position]
        return Episode(
            patientKey: patients[record.patient], episodeID: record.episodeID,
            program: program(at: position), site: site(at: position),
            levelOfCare: levelOfCare(at: position), admissionDate: admissionDate(at: position),
            dischargeDate: dischargeDate(at: position), dischargeReason: dischargeReason(at: position),
            ageAtAdmission: ageAtAdmission(at: position), sex: sex(at: position), race: race(at: position),
            ethnicity: ethnicity(at: position), payer: payer(at: position),
            referralSource: referralSource(at: position), primaryDx: text(record.texts.7),
            plannedWeeks: Self.number(record.plannedWeeks))
    }

    /// The identifier of the episode at `position` (no `Episode` made).
    public func episodeID(at position: Int) -> String { records[position].episodeID }

    /// Each episode's position by its identifier (the first of a repeated one). Made when asked,
    /// not kept: at 200,000 episodes it was 12.6 MB of a report's peak, and only rows appended by
    /// identifier and `explain` look episodes up that way.
    public func positionsByEpisodeID() -> [String: Int] {
        Dictionary(indices.map { (episodeID(at: $0), $0) }) { first, _ in first }
    }

    /// The admission day of the episode at `position`.
    public func admissionDate(at position: Int) -> Day { Day(ordinal: Int(records[position].admission)) }
    /// The discharge day of the episode at `position`; nil while open.
    public func dischargeDate(at position: Int) -> Day? {
        Self.number(records[position].discharge).map { Day(ordinal: $0) }
    }

    /// Why the episode at `position` ended; nil while open or not recorded.
    public func dischargeReason(at position: Int) -> DischargeReason? {
        let reason = records[position].reason
        return reason == .max ? nil : Self.reasons[Int(reason)]
    }

    /// The program of the episode at `position`.
    public func program(at position: Int) -> String {
        let index = records[position].texts.0
        return index == Self.noText ? "" : texts[Int(index)]
    }

    /// The age at admission of the episode at `position`; nil when not recorded.
    public func ageAtAdmission(at position: Int) -> Int? { Self.number(records[position].age) }

    /// The level of care of the episode at `position`.
    public func levelOfCare(at position: Int) -> LevelOfCare { Self.levels[Int(records[position].level)] }
    /// The site of the episode at `position`; nil when not recorded.
    public func site(at position: Int) -> String? { text(records[position].texts.1) }
    /// The sex of the episode's patient at `position`; nil when not recorded.
    public func sex(at position: Int) -> String? { text(records[position].texts.2) }
    /// The race of the episode's patient at `position`; nil when not recorded.
    public func race(at position: Int) -> String? { text(records[position].texts.3) }
    /// The ethnicity of the episode's patient at `position`; nil when not recorded.
    public func ethnicity(at position: Int) -> String? { text(records[position].texts.4) }
    /// The payer of the episode at `position`; nil when not recorded.
    public func payer(at position: Int) -> String? { text(records[position].texts.5) }
    /// The referral source of the episode at `position`; nil when not recorded.
    public func referralSource(at position: Int) -> String? { text(records[position].texts.6) }

    /// The text numbered `index` in `texts`; nil for `noText`.
    private func text(_ index: UInt32) -> String? { index == Self.noText ? nil : texts[Int(index)] }

    /// The episode at `position` as a view that reads each field from the table when asked (no
    /// `Episode` made: the families that read a few fields of every member do so through it).
    public func row(_ position: Int) -> Row { Row(table: self, position: position) }

    /// One episode of an `EpisodeTable`, read field by field.
    public struct Row {
        let table: EpisodeTable
        let position: Int

        public var episodeID: String { table.episodeID(at: position) }
        public var program: String { table.program(at: position) }
        public var admissionDate: Day { table.admissionDate(at: position) }
        public var dischargeDate: Day? { table.dischargeDate(at: position) }
        public var dischargeReason: DischargeReason? { table.dischargeReason(at: position) }
        public var ageAtAdmission: Int? { table.ageAtAdmission(at: position) }
    }

    /// The patient number of the episode at `position`.
    func patient(at position: Int) -> Int32 { records[position].patient }

    /// Appends `episode`; returns the number of its patient, the next one for a key not seen before.
    @discardableResult
    mutating func append(_ episode: Episode) -> Int32 {
        let patient = patients.number(of: episode.patientKey)
        let level = UInt8(Self.levels.firstIndex(of: episode.levelOfCare) ?? 0)
        let reason = episode.dischargeReason.map { UInt8(Self.reasons.firstIndex(of: $0) ?? 0) } ?? .max
        let number = { (value: Int?) in value.map { Int32(clamping: $0) } ?? Self.notRecorded }
        records.append(Record(
            episodeID: episode.episodeID,
            texts: (intern(episode.program), intern(episode.site), intern(episode.sex), intern(episode.race),
                    intern(episode.ethnicity), intern(episode.payer), intern(episode.referralSource),
                    intern(episode.primaryDx)),
            patient: patient, admission: Int32(truncatingIfNeeded: episode.admissionDate.ordinal),
            discharge: number(episode.dischargeDate?.ordinal), age: number(episode.ageAtAdmission),
            plannedWeeks: number(episode.plannedWeeks), level: level, reason: reason))
        return patient
    }

    /// A stored number; nil for `notRecorded`.
    private static func number(_ stored: Int32) -> Int? { stored == notRecorded ? nil : Int(stored) }

    private mutating func intern(_ text: String?) -> UInt32 {
        text.map { UInt32(texts.number(of: $0)) } ?? Self.noText
    }
}
