import OutcomesCore

/// What the resources of an export say about each other, gathered in a first pass over every
/// file: the facts an episode takes from its Patient, Conditions and Coverage, which episode
/// an Encounter belongs to, which panel an item Observation is a member of, and how a
/// Questionnaire codes its items. Memory grows with patients and episodes, not with lines.
struct FHIRIndex {
    /// What an episode takes from its patient.
    struct PatientFacts {
        /// The source patient identifier (pseudonymised when the episode is validated).
        var sourceID: String?
        var birthDate: Day?
        var gender: String?
        var race: String?
        var ethnicity: String?
    }

    /// A Coverage: its period and payer.
    struct CoverageFacts {
        var start: Day?
        var end: Day?
        var payer: String
    }

    /// A Questionnaire's item codes by linkId and its local answer codes' points.
    struct QuestionnaireFacts {
        var itemCodes: [String: String] = [:]
        var answerPoints: [String: String] = [:]
        var panel: String?
    }

    /// Patient id (as its key) -> what its episodes take from it (`patient(_:)`).
    var patients: [FHIRIDKey: PatientFacts] = [:]
    var conditions: [String: String] = [:]
    var coverages: [String: [CoverageFacts]] = [:]
    /// Encounter id (as its key) -> EpisodeOfCare id, for the Encounters an assessment refers to
    /// (`episode(ofEncounter:)`). The episode id is the `String` kept in `episodePatients`, when
    /// there is one: one copy per episode, not one per Encounter.
    var encounterEpisodes: [FHIRIDKey: String] = [:]
    /// EpisodeOfCare id -> the key of its Patient's id: an assessment an Encounter places in an
    /// episode is its patient's (`AssessmentRelease`).
    var episodePatients: [String: FHIRIDKey] = [:]
    /// Observation id -> the code of the panel that lists it in `hasMember`, for members whose own
    /// code names no registry instrument (only those need their panel's). A member read after
    /// its panel drops its entry, so that with panels before their members (as exports write
    /// them) this holds only the members still to come; a member read before its panel is kept.
    var panelOfMember: [String: String] = [:]
    /// What each registry LOINC code is.
    let codes: LOINCIndex

    init(codes: LOINCIndex) { self.codes = codes }
    /// Questionnaire canonical URL -> its facts.
    var questionnaires: [String: QuestionnaireFacts] = [:]
    /// The QuestionnaireResponses an Observation is derived from, by id: their Questionnaire and
    /// linkIds (an Observation derived from one whose instrument is recognised is its copy).
    var responses: [String: ResponseFacts] = [:]

    /// The Encounters and responses other resources refer to (an assessment's `encounter`, an
    /// Observation's `derivedFrom`): the first pass gathers their ids, a second pass over the
    /// files holding them keeps the facts of these alone (`addReferenced`), so that the index
    /// holds no entry per Encounter or response that nothing refers to.
    var referencedEncounters: Set<FHIRIDKey> = []
    var referencedResponses: Set<String> = []
    /// The resource types the second pass reads.
    static let referencedTypes: Set<String> = ["Encounter", "QuestionnaireResponse"]

    /// Goal id (as its key) -> its latest GAS rating: an Observation whose `focus` is the Goal
    /// (`rating(ofGoal:)`).
    var goalRatings: [FHIRIDKey: GoalRating] = [:]

    /// An Observation rating a Goal: the attained level (-2...+2) and the date.
    struct GoalRating {
        var level: String?
        var date: String?
        var observationID: String
    }

    /// What says which instrument a response answers.
    struct ResponseFacts {
        var questionnaire: String?
        var linkIds: [String]
    }

    /// US Core race and ethnicity extensions; their `text` part is the category written.
    static let raceURL = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race"
    static let ethnicityURL = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity"

    /// Records what `resource` says about others.
    mutating func add(_ resource: FHIRResource, settings: Mapping.FHIRSettings) {
        guard let id = resource.id else { return }
        switch resource.resourceType {
        case "Patient":
            patients[FHIRIDKey(id)] = PatientFacts(
                sourceID: Self.sourceID(resource.identifier ?? [], system: settings.patientIdentifierSystem),
                birthDate: resource.birthDate.flatMap { Day(iso: $0) }, gender: resource.gender,
                race: Self.text(resource.extension, Self.raceURL), ethnicity: Self.text(resource.extension, Self.ethnicityURL))
        case "EpisodeOfCare":
            if let patient = resource.patient?.id(of: "Patient") { episodePatients[id] = FHIRIDKey(patient) }
        case "Condition":
            if let code = resource.code?.firstCode { conditions[id] = code }
        case "Coverage":
            guard let patient = resource.beneficiary?.id(of: "Patient"),
                  let payer = resource.payor?.lazy.compactMap(\.display).first else { return }
            coverages[patient, default: []].append(CoverageFacts(
                start: resource.period?.start.flatMap { DateFormat.iso8601.parse($0) },
                end: resource.period?.end.flatMap { DateFormat.iso8601.parse($0) }, payer: payer))
        case "Observation":
            noteReferences(resource)
            if let goal = resource.goalFocus {
                let rating = GoalRating(level: resource.valueInteger.map(String.init), date: resource.effectiveDateTime,
                                        observationID: id)
                let key = FHIRIDKey(goal)
                if (goalRatings[key]?.date ?? "") <= (rating.date ?? "") { goalRatings[key] = rating }
            }
            if let panel = resource.code?.firstCode {
                for member in resource.hasMember ?? [] {
                    if let memberID = member.id(of: "Observation") { panelOfMember[memberID] = panel }
                }
            }
            if codes.instrument(resource.code?.firstCode) != nil { panelOfMember.removeValue(forKey: id) }
        case "QuestionnaireResponse": noteReferences(resource)
        case "Questionnaire":
            if let url = resource.url { questionnaires[url] = Self.questionnaire(resource) }
        default: break
        }
    }

    /// Notes the Encounter and the responses an assessment refers to.
    private mutating func noteReferences(_ resource: FHIRResource) {
        if let encounter = resource.encounter?.id(of: "Encounter") { referencedEncounters.insert(FHIRIDKey(encounter)) }
        for source in resource.derivedFrom ?? [] {
            if let response = source.id(of: "QuestionnaireResponse") { referencedResponses.insert(response) }
        }
    }

    /// Records the facts of an Encounter or a response that another resource refers to (the
    /// second pass, after `add` has seen every resource).
    mutating func addReferenced(_ resource: FHIRResource) {
        guard let id = resource.id else { return }
        switch resource.resourceType {
        case "Encounter":
            let key = FHIRIDKey(id)
            guard referencedEncounters.contains(key),
                  let episode = resource.episodeOfCare?.lazy.compactMap({ $0.id(of: "EpisodeOfCare") }).first
            else { return }
            encounterEpisodes[key] = episodePatients.index(forKey: episode).map { episodePatients[$0].key } ?? episode
        case "QuestionnaireResponse" where referencedResponses.contains(id):
            var linkIds: [String] = []
            func walk(_ items: [QuestionnaireItem]) {
                for item in items {
                    if let linkId = item.linkId { linkIds.append(linkId) }
                    walk(item.item ?? [])
                }
            }
            walk(resource.item ?? [])
            responses[id] = ResponseFacts(questionnaire: resource.questionnaire, linkIds: linkIds)
        default: break
        }
    }

    /// The identifier with `system`, else the one typed MR, else the first.
    static func sourceID(_ identifiers: [FHIRIdentifier], system: String?) -> String? {
        if let system { return identifiers.first { $0.system == system }?.value }
        let record = identifiers.first { $0.type?.coding?.contains { $0.code == "MR" } == true }
        return (record ?? identifiers.first)?.value
    }

    private static func text(_ extensions: [FHIRExtension]?, _ url: String) -> String? {
        guard let found = extensions?.first(where: { $0.url == url }) else { return nil }
        return found.extension?.value("text") ?? found.extension?.first { $0.url == "ombCategory" }?.valueCoding?.display
    }

    private static func questionnaire(_ resource: FHIRResource) -> QuestionnaireFacts {
        var facts = QuestionnaireFacts(panel: resource.code?.firstCode)
        func walk(_ items: [QuestionnaireItem]) {
            for item in items {
                if let linkId = item.linkId, let code = item.code?.lazy.compactMap(\.code).first {
                    facts.itemCodes[linkId] = code
                }
                for option in item.answerOption ?? [] {
                    let ordinal = option.extension?.value(ordinalValueURL)
                        ?? option.valueCoding?.extension?.value(ordinalValueURL)
                    if let code = option.valueCoding?.code, let ordinal { facts.answerPoints[code] = ordinal }
                }
                walk(item.item ?? [])
            }
        }
        walk(resource.item ?? [])
        return facts
    }

    /// What the Patient with id `id` gives its episodes; nil when the export has no such Patient.
    func patient(_ id: String?) -> PatientFacts? { id.flatMap { patients[FHIRIDKey($0)] } }

    /// The latest GAS rating of the Goal with id `id`, when an Observation rates it.
    func rating(ofGoal id: String?) -> GoalRating? { id.flatMap { goalRatings[FHIRIDKey($0)] } }

    /// The EpisodeOfCare id of the Encounter with id `id`, when something refers to it and the
    /// export places it in an episode.
    func episode(ofEncounter id: String?) -> String? { id.flatMap { encounterEpisodes[FHIRIDKey($0)] } }

    /// The payer of the patient's coverage in force on `day` (else the patient's first coverage).
    func payer(patient: String, on day: Day?) -> String? {
        let list = coverages[patient] ?? []
        let inForce = list.first { coverage in
            guard let day else { return false }
            return (coverage.start.map { $0 <= day } ?? true) && (coverage.end.map { day <= $0 } ?? true)
        }
        return (inForce ?? list.first)?.payer
    }
}
