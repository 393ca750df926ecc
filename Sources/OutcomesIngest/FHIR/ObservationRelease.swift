/// Which assessments pivoted from a FHIR file's Observations can be sent before the file ends,
/// so that memory holds only the open ones, not a whole file's.
///
/// An assessment belongs to one episode, so to one patient, and every Observation that can join
/// it is counted under that patient: one naming an Encounter of an episode in the export under
/// the episode's patient (the assessment is that episode's: `FHIRConverter.assessmentSubject`),
/// any other under the patient it names. The first pass notes the last Observation line of each
/// `ObservationSubject`; once the last line counted under each patient whose Observations joined
/// an assessment has been read, no later line joins it. An Observation counted under no patient
/// (it names none, or an Encounter whose episode's patient the export does not give) may join
/// any assessment: a file holding one sends its assessments at its end.
struct ObservationRelease {
    /// Patient identifier (`""`: none) -> the last Observation line counted under it.
    let lastLines: [String: Int]
    private var groupsOfPatient: [String: [ItemAnswer.Group]] = [:]
    private var patientsOfGroup: [ItemAnswer.Group: [String]] = [:]

    /// What the first pass notes of an Observation: the ids of the Encounter and the Patient it names.
    struct Subject: Hashable, Sendable {
        var encounter: String?
        var patient: String?
    }

    static func subject(of resource: FHIRResource) -> Subject {
        Subject(encounter: resource.encounter?.id(of: "Encounter"), patient: resource.subject?.id(of: "Patient"))
    }

    /// The patient identifier an Observation with `subject` counts under, or `""`: its Encounter's
    /// episode's patient when the export places the Encounter in an episode, else its own patient.
    static func key(_ subject: Subject, index: FHIRIndex) -> String {
        if let encounter = subject.encounter, let episode = index.encounterEpisodes[encounter] {
            return index.episodePatients[episode].flatMap { index.patients[$0]?.sourceID } ?? ""
        }
        return subject.patient.flatMap { index.patients[$0]?.sourceID } ?? ""
    }

    /// From the last line of each `Subject` in a file.
    init(lastLineOfSubject: [Subject: Int], index: FHIRIndex) {
        lastLines = Dictionary(lastLineOfSubject.map { (Self.key($0.key, index: index), $0.value) }, uniquingKeysWith: max)
    }

    /// False when an Observation may join any assessment: every one is then sent at the end.
    var releases: Bool { lastLines[""] == nil }

    /// Notes that a line counted under `key` joined `group`.
    mutating func note(_ group: ItemAnswer.Group, key: String) {
        guard releases else { return }
        if groupsOfPatient[key]?.last != group { groupsOfPatient[key, default: []].append(group) }
        if patientsOfGroup[group]?.contains(key) != true { patientsOfGroup[group, default: []].append(key) }
    }

    /// The assessments no later line joins, once line `number` counted under `key` is read.
    mutating func ready(after number: Int, key: String) -> [ItemAnswer.Group] {
        guard releases, lastLines[key] == number, let groups = groupsOfPatient.removeValue(forKey: key) else { return [] }
        var ready: [ItemAnswer.Group] = []
        for group in groups {
            guard let keys = patientsOfGroup[group], keys.allSatisfy({ (lastLines[$0] ?? 0) <= number }) else { continue }
            patientsOfGroup[group] = nil
            ready.append(group)
        }
        return ready
    }
}
