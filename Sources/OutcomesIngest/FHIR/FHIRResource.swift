/// One FHIR resource with the fields the loader reads, of every type it uses (fields of other
/// types stay nil). Unknown fields are ignored, as FHIR allows. Only the fields of the
/// resource's own type are read (`FHIRResource+Reading.swift`). A class: a line's resource is
/// handed between threads and kept in results, and a struct of some fifty fields costs a
/// retain and a release of each on every copy.
final class FHIRResource {
    let resourceType: String
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
    /// An Observation about a Goal (its GAS rating).
    var focus: [FHIRReference]?

    // Goal
    var category: [FHIRCodeableConcept]?
    var statusDate: String?

    /// A resource of `resourceType` with no field read yet.
    init(resourceType: String) { self.resourceType = resourceType }

    /// `EpisodeOfCare.diagnosis` and `Encounter.diagnosis`.
    struct Diagnosis: JSONReadable {
        var condition: FHIRReference?
        var rank: Int?

        init(json: JSONNode) throws(JSONShapeError) {
            try json.requireObject()
            condition = try json.read("condition")
            rank = try json.read("rank")
        }
    }

    /// `Encounter.participant` (individual) and `Appointment.participant` (actor).
    struct Participant: JSONReadable {
        var individual: FHIRReference?
        var actor: FHIRReference?

        init(json: JSONNode) throws(JSONShapeError) {
            try json.requireObject()
            individual = try json.read("individual")
            actor = try json.read("actor")
        }
    }

    /// `Observation.component`.
    struct Component: JSONReadable {
        var code: FHIRCodeableConcept?
        var valueInteger: Int?
        var valueDecimal: FHIRNumber?
        var valueQuantity: FHIRQuantity?
        var valueCodeableConcept: FHIRCodeableConcept?

        init(json: JSONNode) throws(JSONShapeError) {
            try json.requireObject()
            code = try json.read("code")
            valueInteger = try json.read("valueInteger")
            valueDecimal = try json.read("valueDecimal")
            valueQuantity = try json.read("valueQuantity")
            valueCodeableConcept = try json.read("valueCodeableConcept")
        }
    }
}

/// `QuestionnaireResponse.item` and `Questionnaire.item` (nested items included).
struct QuestionnaireItem: JSONReadable {
    var linkId: String?
    var code: [FHIRCoding]?
    var answer: [Answer]?
    var item: [QuestionnaireItem]?
    var answerOption: [AnswerOption]?

    init(json: JSONNode) throws(JSONShapeError) {
        try json.requireObject()
        linkId = try json.read("linkId")
        code = try json.read("code")
        answer = try json.read("answer")
        item = try json.read("item")
        answerOption = try json.read("answerOption")
    }

    /// `QuestionnaireResponse.item.answer`.
    struct Answer: JSONReadable {
        var valueInteger: Int?
        var valueDecimal: FHIRNumber?
        var valueQuantity: FHIRQuantity?
        var valueCoding: FHIRCoding?
        var valueString: String?

        init(json: JSONNode) throws(JSONShapeError) {
            try json.requireObject()
            valueInteger = try json.read("valueInteger")
            valueDecimal = try json.read("valueDecimal")
            valueQuantity = try json.read("valueQuantity")
            valueCoding = try json.read("valueCoding")
            valueString = try json.read("valueString")
        }
    }

    /// `Questionnaire.item.answerOption`, with its `ordinalValue`.
    struct AnswerOption: JSONReadable {
        var valueCoding: FHIRCoding?
        var `extension`: [FHIRExtension]?

        init(json: JSONNode) throws(JSONShapeError) {
            try json.requireObject()
            valueCoding = try json.read("valueCoding")
            self.extension = try json.read("extension")
        }
    }
}
