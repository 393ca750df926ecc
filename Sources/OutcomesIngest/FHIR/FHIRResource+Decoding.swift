extension FHIRResource: Decodable {
    enum CodingKeys: String, CodingKey {
        case resourceType, id, `extension`, status, identifier, birthDate, gender, patient, period, type, diagnosis
        case managingOrganization, episodeOfCare, `class`, length, participant, beneficiary, payor, start, end
        case minutesDuration, appointmentType, serviceType, cancelationReason, subject, encounter, authored
        case questionnaire, item, url, code, effectiveDateTime, effectivePeriod, issued, valueInteger, valueDecimal
        case valueQuantity, valueCodeableConcept, component, hasMember, derivedFrom, category, statusDate
    }

    /// Set in a decoder's `userInfo` for the first pass over an export, which reads only what
    /// `FHIRIndex` keeps of the types that make rows.
    static let indexOnly = CodingUserInfoKey(rawValue: "fhirIndexOnly")!

    /// Reads `resourceType`, then only the fields the loader reads from that type.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        resourceType = try c.decode(String.self, forKey: .resourceType)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        func read<T: Decodable>(_ key: CodingKeys) throws -> T? { try c.decodeIfPresent(T.self, forKey: key) }
        if decoder.userInfo[Self.indexOnly] as? Bool == true {
            switch resourceType {
            case "Encounter": episodeOfCare = try read(.episodeOfCare)
            case "Observation": (code, hasMember) = (try read(.code), try read(.hasMember))
            case "QuestionnaireResponse": (questionnaire, item) = (try read(.questionnaire), try read(.item))
            case "EpisodeOfCare", "Appointment", "Goal": break
            default: try readAll(c)
            }
            return
        }
        status = try read(.status)
        try readAll(c)
    }

    private mutating func readAll(_ c: KeyedDecodingContainer<CodingKeys>) throws {
        func read<T: Decodable>(_ key: CodingKeys) throws -> T? { try c.decodeIfPresent(T.self, forKey: key) }
        switch resourceType {
        case "Patient":
            identifier = try read(.identifier)
            birthDate = try read(.birthDate)
            gender = try read(.gender)
            self.`extension` = try read(.extension)
        case "Condition":
            code = try read(.code)
        case "Coverage":
            beneficiary = try read(.beneficiary)
            payor = try read(.payor)
            period = try read(.period)
        case "EpisodeOfCare":
            patient = try read(.patient)
            period = try read(.period)
            type = try read(.type)
            diagnosis = try read(.diagnosis)
            managingOrganization = try read(.managingOrganization)
            self.`extension` = try read(.extension)
        case "Encounter":
            subject = try read(.subject)
            episodeOfCare = try read(.episodeOfCare)
            period = try read(.period)
            type = try read(.type)
            serviceType = try read(.serviceType)
            self.`class` = try read(.class)
            length = try read(.length)
            participant = try read(.participant)
            self.`extension` = try read(.extension)
        case "Appointment":
            start = try read(.start)
            end = try read(.end)
            minutesDuration = try read(.minutesDuration)
            appointmentType = try read(.appointmentType)
            serviceType = try read(.serviceType)
            cancelationReason = try read(.cancelationReason)
            participant = try read(.participant)
            self.`extension` = try read(.extension)
        case "QuestionnaireResponse":
            subject = try read(.subject)
            encounter = try read(.encounter)
            authored = try read(.authored)
            questionnaire = try read(.questionnaire)
            item = try read(.item)
            self.`extension` = try read(.extension)
        case "Questionnaire":
            url = try read(.url)
            code = try read(.code)
            item = try read(.item)
        case "Observation":
            subject = try read(.subject)
            encounter = try read(.encounter)
            code = try read(.code)
            effectiveDateTime = try read(.effectiveDateTime)
            effectivePeriod = try read(.effectivePeriod)
            issued = try read(.issued)
            valueInteger = try read(.valueInteger)
            valueDecimal = try read(.valueDecimal)
            valueQuantity = try read(.valueQuantity)
            valueCodeableConcept = try read(.valueCodeableConcept)
            component = try read(.component)
            hasMember = try read(.hasMember)
            derivedFrom = try read(.derivedFrom)
            self.`extension` = try read(.extension)
        case "Goal":
            identifier = try read(.identifier)
            subject = try read(.subject)
            category = try read(.category)
            statusDate = try read(.statusDate)
            self.`extension` = try read(.extension)
        default: break
        }
    }
}
