import OutcomesCore

/// The dataset's episodes as 56-byte records in chunks (`ChunkedRecords`): the eight descriptive
/// texts (program, site, demographics, payer, referral, diagnosis) as 16-bit numbers into one list
/// of distinct values, the patient as a number into one key per patient (`PatientKeys`), days as
/// ordinals. An `Episode` value is made when a position is read. At 200,000 episodes the `[Episode]`
/// it replaces took 224 bytes an episode plus a 64-character patient key each (67 MB by heaptrack);
/// as 72-byte records in one growing array, 19 MB at 200,000 episodes and 38 MB in `report
/// monthly` of a five-year, 1,000,000-episode history (more than 262,144 episodes read, so the
/// array had doubled to room for 524,288): the largest part of that report's growth in peak.
///
/// Ages and planned weeks are kept in 32 bits (ingest holds ages to 0-120; planned weeks beyond
/// 2^31 are clamped).
public struct EpisodeTable: RandomAccessCollection, Sendable {
    struct Record: Sendable {
        var episodeID: String
        /// Program, site, sex, race, ethnicity, payer, referral source, primary diagnosis:
        /// positions in `texts`, `noText` when not recorded, `textKeptAside` when the position does
        /// not fit 16 bits (`textsKeptAside` holds it).
        var texts: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16)
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

        /// The stored number of text field `field` (0 program ... 7 primary diagnosis).
        func textField(_ field: Int) -> UInt16 {
            withUnsafeBytes(of: texts) { $0.load(fromByteOffset: field * MemoryLayout<UInt16>.stride, as: UInt16.self) }
        }
    }

    private static let noText = UInt16.max
    private static let textKeptAside = UInt16.max - 1
    private static let textFieldCount = 8
    private static let notRecorded = Int32.min
    private static let levels = LevelOfCare.allCases
    private static let reasons = DischargeReason.allCases

    private var records = ChunkedRecords<Record>()
    private var texts = TextNumbering()
    /// Positions in `texts` that do not fit a record's 16 bits, by episode position times
    /// `textFieldCount` plus the field.
    private var textsKeptAside: [Int: Int] = [:]
    private var patients = PatientKeys()

    /// An empty table with room for `capacity` episodes.
    init(capacity: Int = 0) {
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
            referralSource: referralSource(at: position), primaryDx: text(field: 7, at: position),
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
    public func program(at position: Int) -> String { text(field: 0, at: position) ?? "" }

    /// The age at admission of the episode at `position`; nil when not recorded.
    public func ageAtAdmission(at position: Int) -> Int? { Self.number(records[position].age) }

    /// The level of care of the episode at `position`.
    public func levelOfCare(at position: Int) -> LevelOfCare { Self.levels[Int(records[position].level)] }
    /// The site of the episode at `position`; nil when not recorded.
    public func site(at position: Int) -> String? { text(field: 1, at: position) }
    /// The sex of the episode's patient at `position`; nil when not recorded.
    public func sex(at position: Int) -> String? { text(field: 2, at: position) }
    /// The race of the episode's patient at `position`; nil when not recorded.
    public func race(at position: Int) -> String? { text(field: 3, at: position) }
    /// The ethnicity of the episode's patient at `position`; nil when not recorded.
    public func ethnicity(at position: Int) -> String? { text(field: 4, at: position) }
    /// The payer of the episode at `position`; nil when not recorded.
    public func payer(at position: Int) -> String? { text(field: 5, at: position) }
    /// The referral source of the episode at `position`; nil when not recorded.
    public func referralSource(at position: Int) -> String? { text(field: 6, at: position) }

    /// Text field `field` of the episode at `position`; nil when not recorded.
    private func text(field: Int, at position: Int) -> String? {
        switch records[position].textField(field) {
        case Self.noText: nil
        case Self.textKeptAside: textsKeptAside[position * Self.textFieldCount + field].map { texts[$0] }
        case let number: texts[Int(number)]
        }
    }

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
        let position = records.count
        let texts: InlineArray<8, String?> = [episode.program, episode.site, episode.sex, episode.race,
                                              episode.ethnicity, episode.payer, episode.referralSource,
                                              episode.primaryDx]
        var numbers = InlineArray<8, UInt16>(repeating: Self.noText)
        for field in texts.indices {
            if let text = texts[field] {
                numbers[field] = stored(self.texts.number(of: text), field: field, at: position)
            }
        }
        return append(patient: patients.number(of: episode.patientKey), episodeID: episode.episodeID, texts: numbers,
                      level: episode.levelOfCare, admission: episode.admissionDate, discharge: episode.dischargeDate,
                      reason: episode.dischargeReason, age: episode.ageAtAdmission, plannedWeeks: episode.plannedWeeks)
    }

    /// Appends the episode of a stored row, its patient key and texts numbered from their bytes
    /// (no `String` made but its identifier); returns the number of its patient, the next one for
    /// a key not seen before.
    @discardableResult
    mutating func append(_ row: StoredEpisodeRow) -> Int32 {
        let position = records.count
        var numbers = InlineArray<8, UInt16>(repeating: Self.noText)
        for field in numbers.indices {
            if let bytes = row.texts[field] {
                numbers[field] = stored(texts.number(ofUTF8: bytes), field: field, at: position)
            }
        }
        return append(patient: patients.number(ofUTF8: row.patientKey), episodeID: row.episodeID, texts: numbers,
                      level: row.levelOfCare, admission: row.admissionDate, discharge: row.dischargeDate,
                      reason: row.dischargeReason, age: row.ageAtAdmission, plannedWeeks: row.plannedWeeks)
    }

    /// Appends an episode's record from its parts (`texts`: the eight fields' stored numbers).
    private mutating func append(patient: Int32, episodeID: String, texts: InlineArray<8, UInt16>, level: LevelOfCare,
                                 admission: Day, discharge: Day?, reason: DischargeReason?, age: Int?,
                                 plannedWeeks: Int?) -> Int32 {
        let number = { (value: Int?) in value.map { Int32(clamping: $0) } ?? Self.notRecorded }
        records.append(Record(
            episodeID: episodeID,
            texts: (texts[0], texts[1], texts[2], texts[3], texts[4], texts[5], texts[6], texts[7]),
            patient: patient, admission: Int32(truncatingIfNeeded: admission.ordinal),
            discharge: number(discharge?.ordinal), age: number(age), plannedWeeks: number(plannedWeeks),
            level: UInt8(Self.levels.firstIndex(of: level) ?? 0),
            reason: reason.map { UInt8(Self.reasons.firstIndex(of: $0) ?? 0) } ?? .max))
        return patient
    }

    /// A stored number; nil for `notRecorded`.
    private static func number(_ stored: Int32) -> Int? { stored == notRecorded ? nil : Int(stored) }

    /// The stored form of text number `number` as text field `field` of the episode at
    /// `position`, keeping aside a number that does not fit 16 bits.
    private mutating func stored(_ number: Int, field: Int, at position: Int) -> UInt16 {
        guard number >= Int(Self.textKeptAside) else { return UInt16(number) }
        textsKeptAside[position * Self.textFieldCount + field] = number
        return Self.textKeptAside
    }
}
