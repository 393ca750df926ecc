/// Which assessments pivoted from a FHIR file's Observations can be sent before the file ends,
/// so that memory holds only the open ones, not a whole file's.
///
/// The first pass notes, per patient (by the identifier its Patient resource gives), the last
/// line of an Observation naming it (`subject`, no `encounter`). An assessment belongs to one
/// episode, so to one patient: once the last line naming each patient whose Observations joined
/// it has been read, no later line joins it. An Observation naming no patient, or an Encounter
/// (whose episode may be another patient's), may join any assessment: a file holding one sends
/// its assessments at its end.
struct ObservationRelease {
    /// Patient identifier (`""`: none, or an Encounter named) -> the last Observation line naming it.
    let lastLines: [String: Int]
    private var groupsOfPatient: [String: [ItemAnswer.Group]] = [:]
    private var patientsOfGroup: [ItemAnswer.Group: [String]] = [:]

    /// What the first pass notes of an Observation: the id of the Patient it names, or `""` when
    /// it names none or names an Encounter.
    static func subject(of resource: FHIRResource) -> String {
        guard resource.encounter == nil, let patient = resource.subject?.id(of: "Patient") else { return "" }
        return patient
    }

    /// The key a Patient id (`subject(of:)`) counts under: its patient's identifier, or `""`.
    static func key(_ subject: String, index: FHIRIndex) -> String {
        subject.isEmpty ? "" : index.patients[subject]?.sourceID ?? ""
    }

    /// From the last line naming each Patient id (`subject(of:)`) in a file.
    init(lastLineOfSubject: [String: Int], index: FHIRIndex) {
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
