/// An episode as the store hands it to an analysis: its patient key and its eight descriptive
/// texts as the UTF-8 bytes of the row being read, everything else decoded. The bytes are valid
/// only during the call that hands the row over: the analysis numbers them (the patient's key
/// packed, each text once per distinct value) without making a `String` of each, which reading
/// 200,000 episodes into `Episode` values did twice per text.
public struct StoredEpisodeRow {
    /// The episode's surrogate key in the store (`episode.episode_no`).
    public var number: Int64
    /// The pseudonymous patient key's bytes (64 hexadecimal digits, as stored).
    public var patientKey: UnsafeBufferPointer<UInt8>
    /// The episode's identifier (`Episode.episodeID`).
    public var episodeID: String
    /// Program, site, sex, race, ethnicity, payer, referral source and primary diagnosis, in
    /// `Episode`'s order; nil when not recorded (the program always is).
    public var texts: InlineArray<8, UnsafeBufferPointer<UInt8>?>
    /// The level of care.
    public var levelOfCare: LevelOfCare
    /// The day of admission.
    public var admissionDate: Day
    /// The day of discharge; nil while the episode is open.
    public var dischargeDate: Day?
    /// Why the episode ended; nil while open.
    public var dischargeReason: DischargeReason?
    /// The age at admission; nil when not recorded.
    public var ageAtAdmission: Int?
    /// The planned length of stay in weeks; nil when not recorded.
    public var plannedWeeks: Int?

    /// A row from its parts.
    public init(number: Int64, patientKey: UnsafeBufferPointer<UInt8>, episodeID: String,
                texts: InlineArray<8, UnsafeBufferPointer<UInt8>?>, levelOfCare: LevelOfCare, admissionDate: Day,
                dischargeDate: Day?, dischargeReason: DischargeReason?, ageAtAdmission: Int?, plannedWeeks: Int?) {
        self.number = number
        self.patientKey = patientKey
        self.episodeID = episodeID
        self.texts = texts
        self.levelOfCare = levelOfCare
        self.admissionDate = admissionDate
        self.dischargeDate = dischargeDate
        self.dischargeReason = dischargeReason
        self.ageAtAdmission = ageAtAdmission
        self.plannedWeeks = plannedWeeks
    }
}
