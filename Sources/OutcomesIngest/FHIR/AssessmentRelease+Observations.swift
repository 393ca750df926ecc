/// The keys of FHIR Observations (`AssessmentRelease`): an assessment belongs to one episode, so
/// to one patient, and every Observation that can join it is counted under that patient's
/// identifier. One naming an Encounter that the export places in an episode counts under the
/// episode's patient (the assessment is that episode's: `FHIRConverter.assessmentSubject`); any
/// other under the patient it names. One counted under no patient (it names none, or an
/// Encounter whose episode's patient the export does not give) may join any assessment.
extension AssessmentRelease {
    /// What the first pass notes of an Observation: the keys of the ids of the Encounter and the
    /// Patient it names (`FHIRIDKey`: a file holds one per Encounter its Observations name).
    struct ObservationSubject: Hashable, Sendable {
        var encounter: FHIRIDKey?
        var patient: FHIRIDKey?
    }

    /// What the first pass notes of `resource`, an Observation.
    static func subject(of resource: FHIRResource) -> ObservationSubject {
        ObservationSubject(encounter: resource.encounter?.id(of: "Encounter").map(FHIRIDKey.init),
                           patient: resource.subject?.id(of: "Patient").map(FHIRIDKey.init))
    }

    /// `subject(of:)` of one Observation after another, remembering the last: the item
    /// Observations of a panel name the same Encounter and Patient, whose keys (two hashes of each
    /// id) were made again for every line.
    struct SubjectMemo {
        private var last: (encounter: String?, patient: String?, subject: ObservationSubject)?

        /// `subject(of: resource)`, made again only when the references differ from the last.
        mutating func subject(of resource: FHIRResource) -> ObservationSubject {
            let (encounter, patient) = (resource.encounter?.reference, resource.subject?.reference)
            if let last, last.encounter == encounter, last.patient == patient { return last.subject }
            let subject = AssessmentRelease.subject(of: resource)
            last = (encounter, patient, subject)
            return subject
        }
    }

    /// The patient identifier an Observation with `subject` counts under, or `""`: its Encounter's
    /// episode's patient when the export places the Encounter in an episode, else its own patient.
    static func key(_ subject: ObservationSubject, index: FHIRIndex) -> String {
        if let encounter = subject.encounter, let episode = index.encounterEpisodes[encounter] {
            return index.episodePatients[episode].flatMap { index.patients[$0]?.sourceID } ?? ""
        }
        return subject.patient.flatMap { index.patients[$0]?.sourceID } ?? ""
    }

    /// The last line of each key (`lastRows`), from the last line of each `ObservationSubject` in a file.
    static func lastRows(lastLineOfSubject: [ObservationSubject: Int], index: FHIRIndex) -> [String: Int] {
        var lastRows: [String: Int] = [:]
        for (subject, line) in lastLineOfSubject {
            let key = Self.key(subject, index: index)
            lastRows[key] = max(lastRows[key] ?? 0, line)
        }
        return lastRows
    }
}
