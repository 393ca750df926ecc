/// Every episode's span, and optionally every patient's episodes, in a few flat arrays: what a
/// sessions, assessments or goals load looks rows' episodes up in (issue 13).
///
/// Measured on a 1,000,000-episode network: a `[String: EpisodeSpan]` of the stored episodes
/// took about 80 MB (126 MB while it grew); here an episode costs its id's bytes and 12 bytes.
/// Episodes are appended in byte order of their ids (as SQLite's `ORDER BY episode_id` gives
/// them), patients in the order of their packed keys (`PatientKeyPacking`), each patient's
/// episodes together.
public struct EpisodeSpanIndex: Sendable {
    /// Marks an active episode in `discharges`.
    private static let active = Int32.min

    private var ids = SortedKeys()
    /// Admission and discharge (`active` for none) day numbers by episode position.
    private var admissions: [Int32] = []
    private var discharges: [Int32] = []
    private var patients = SortedKeys()
    /// Patient `i`'s episode positions are `patientEpisodes[patientEnds[i - 1] ..< patientEnds[i]]`.
    private var patientEnds: [UInt32] = []
    private var patientEpisodes: [UInt32] = []

    /// No episodes.
    public init() {}

    /// How many episodes there are.
    public var count: Int { ids.count }

    /// Makes room for `episodes` episodes whose ids take `idBytes` bytes of UTF-8 in all.
    public mutating func reserveCapacity(episodes: Int, idBytes: Int) {
        ids.reserveCapacity(keys: episodes, bytes: idBytes)
        admissions.reserveCapacity(episodes)
        discharges.reserveCapacity(episodes)
    }

    /// Makes room for `patients` pseudonymised patients with `episodes` episodes among them (a
    /// key that is not a pseudonym grows the buffer as it comes).
    public mutating func reserveCapacity(patients: Int, episodes: Int) {
        self.patients.reserveCapacity(keys: patients, bytes: patients * PatientKeyPacking.packedPseudonymBytes)
        patientEnds.reserveCapacity(patients)
        patientEpisodes.reserveCapacity(episodes)
    }

    /// Appends episode `id` with its span; `id` must come after the ids appended before, and the
    /// days fit 32 bits (any ISO date does): `IndexAppendError` otherwise.
    public mutating func append(episode id: UnsafeBufferPointer<UInt8>, span: EpisodeSpan) throws {
        // The error's text made only when it is thrown: made for every episode, it was 5% of
        // building the index of a 200,000-episode network (callgrind).
        func refused() -> IndexAppendError { IndexAppendError(key: String(decoding: id, as: UTF8.self)) }
        guard let admission = Int32(exactly: span.admission.ordinal) else { throw refused() }
        var discharge = Self.active
        if let day = span.discharge {
            guard let number = Int32(exactly: day.ordinal), number != Self.active else { throw refused() }
            discharge = number
        }
        try ids.append(id)
        admissions.append(admission)
        discharges.append(discharge)
    }

    /// Appends episode `id` with its span; `id` must come after the ids appended before.
    public mutating func append(episode id: String, span: EpisodeSpan) throws {
        var id = id
        try id.withUTF8 { (utf8) in try append(episode: utf8, span: span) }
    }

    /// Files the episode at `position` (0 for the first id in byte order) under the patient with
    /// pseudonym `patientKey`: the same patient as the last call's, or one after it in the order
    /// of packed keys (`PatientKeyPacking`: pseudonyms first); `IndexAppendError` otherwise, or
    /// for a position past the last episode.
    public mutating func append(patient patientKey: UnsafeBufferPointer<UInt8>, episodeAt position: Int) throws {
        func refused() -> IndexAppendError { IndexAppendError(key: String(decoding: patientKey, as: UTF8.self)) }
        guard ids.indices.contains(position), let episode = UInt32(exactly: position) else { throw refused() }
        do {
            try PatientKeyPacking.withPacked(patientKey) { packed in
                if !patients.isLast(packed) {
                    try patients.append(packed)
                    patientEnds.append(UInt32(patientEpisodes.count))
                }
            }
        } catch {
            throw refused()
        }
        patientEpisodes.append(episode)
        patientEnds[patientEnds.count - 1] += 1
    }

    /// Files episode `episode` (appended before) under the patient with pseudonym `patientKey`, as
    /// `append(patient:episodeAt:)` does; an unknown episode is refused with its id.
    public mutating func append(patient patientKey: String, episode: String) throws {
        guard let position = ids.position(of: episode) else { throw IndexAppendError(key: episode) }
        var patientKey = patientKey
        try patientKey.withUTF8 { key in try append(patient: key, episodeAt: position) }
    }

    /// The span of episode `id`; nil when no such episode is known.
    public func span(ofEpisode id: String) -> EpisodeSpan? {
        ids.position(of: id).map(span(at:))
    }

    /// Every known episode of the patient with pseudonym `patientKey`: episode id -> span.
    public func episodes(ofPatient patientKey: String) -> [String: EpisodeSpan] {
        var patientKey = patientKey
        let found = patientKey.withUTF8 { key in PatientKeyPacking.withPacked(key) { patients.position(of: $0) } }
        guard let patient = found else { return [:] }
        let start = patient == 0 ? 0 : Int(patientEnds[patient - 1])
        var episodes: [String: EpisodeSpan] = [:]
        for position in patientEpisodes[start..<Int(patientEnds[patient])].map(Int.init) {
            episodes[ids[position]] = span(at: position)
        }
        return episodes
    }

    private func span(at position: Int) -> EpisodeSpan {
        let discharge = discharges[position]
        return EpisodeSpan(admission: Day(ordinal: Int(admissions[position])),
                           discharge: discharge == Self.active ? nil : Day(ordinal: Int(discharge)))
    }
}
