/// One FHIR resource with the fields the loader reads, of every type it uses (fields of other
/// types stay nil). Unknown fields are ignored, as FHIR allows. Only the fields of the
/// resource's own type are decoded (`FHIRResource+Decoding.swift`): Codable's cost is per key asked.
struct FHIRResource {
    var resourceType: String
    var id: String?
    var `extension`: [FHIRExtension]?
    var status: String?

    // Patient
    var identifier: [FHIRIdentifier]?
    var birthDate: String?
    var gender: String?

    // EpisodeOfCare, Encounter, Coverage
    var patient: FHIRReference?
    var period: FHIRPeriod?
    var type: [FHIRCodeableConcept]?
    var diagnosis: [Diagnosis]?
    var managingOrganization: FHIRReference?
    var episodeOfCare: [FHIRReference]?
    var `class`: FHIRCoding?
    var length: FHIRQuantity?
    var participant: [Participant]?
    var beneficiary: FHIRReference?
    var payor: [FHIRReference]?

    // Appointment
    var start: String?
    var end: String?
    var minutesDuration: Int?
    var appointmentType: FHIRCodeableConcept?
    var serviceType: [FHIRCodeableConcept]?
    var cancelationReason: FHIRCodeableConcept?

    // QuestionnaireResponse, Questionnaire
    var subject: FHIRReference?
    var encounter: FHIRReference?
    var authored: String?
    var questionnaire: String?
    var item: [QuestionnaireItem]?
    var url: String?

    // Observation, Condition
    var code: FHIRCodeableConcept?
    var effectiveDateTime: String?
    var effectivePeriod: FHIRPeriod?
    var issued: String?
    var valueInteger: Int?
    var valueDecimal: FHIRNumber?
    var valueQuantity: FHIRQuantity?
    var valueCodeableConcept: FHIRCodeableConcept?
    var component: [Component]?
    var hasMember: [FHIRReference]?
    var derivedFrom: [FHIRReference]?

    // Goal
    var category: [FHIRCodeableConcept]?
    var statusDate: String?

    /// `EpisodeOfCare.diagnosis` and `Encounter.diagnosis`.
    struct Diagnosis: Decodable {
        var condition: FHIRReference?
        var rank: Int?
    }

    /// `Encounter.participant` (individual) and `Appointment.participant` (actor).
    struct Participant: Decodable {
        var individual: FHIRReference?
        var actor: FHIRReference?
    }

    /// `Observation.component`.
    struct Component: Decodable {
        var code: FHIRCodeableConcept?
        var valueInteger: Int?
        var valueDecimal: FHIRNumber?
        var valueQuantity: FHIRQuantity?
        var valueCodeableConcept: FHIRCodeableConcept?
    }
}

/// `QuestionnaireResponse.item` and `Questionnaire.item` (nested items included).
struct QuestionnaireItem: Decodable {
    var linkId: String?
    var code: [FHIRCoding]?
    var answer: [Answer]?
    var item: [QuestionnaireItem]?
    var answerOption: [AnswerOption]?

    /// `QuestionnaireResponse.item.answer`.
    struct Answer: Decodable {
        var valueInteger: Int?
        var valueDecimal: FHIRNumber?
        var valueQuantity: FHIRQuantity?
        var valueCoding: FHIRCoding?
        var valueString: String?
    }

    /// `Questionnaire.item.answerOption`, with its `ordinalValue`.
    struct AnswerOption: Decodable {
        var valueCoding: FHIRCoding?
        var `extension`: [FHIRExtension]?
    }
}
