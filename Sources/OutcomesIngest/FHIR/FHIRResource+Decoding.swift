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
            (identifier, birthDate, gender, self.extension) = (try read(.identifier), try read(.birthDate), try read(.gender), try read(.extension))
        case "Condition":
            code = try read(.code)
        case "Coverage":
            (beneficiary, payor, period) = (try read(.beneficiary), try read(.payor), try read(.period))
        case "EpisodeOfCare":
            (patient, period, type, diagnosis) = (try read(.patient), try read(.period), try read(.type), try read(.diagnosis))
            (managingOrganization, self.extension) = (try read(.managingOrganization), try read(.extension))
        case "Encounter":
            (subject, episodeOfCare, period, type, serviceType) = (try read(.subject), try read(.episodeOfCare), try read(.period),
                                                                   try read(.type), try read(.serviceType))
            (self.class, length, participant, self.extension) = (try read(.class), try read(.length), try read(.participant),
                                                                 try read(.extension))
        case "Appointment":
            (start, end, minutesDuration, appointmentType) = (try read(.start), try read(.end), try read(.minutesDuration),
                                                              try read(.appointmentType))
            (serviceType, cancelationReason, participant, self.extension) = (try read(.serviceType), try read(.cancelationReason),
                                                                             try read(.participant), try read(.extension))
        case "QuestionnaireResponse":
            (subject, encounter, authored, questionnaire) = (try read(.subject), try read(.encounter), try read(.authored),
                                                             try read(.questionnaire))
            (item, self.extension) = (try read(.item), try read(.extension))
        case "Questionnaire":
            (url, code, item) = (try read(.url), try read(.code), try read(.item))
        case "Observation":
            (subject, encounter, code, effectiveDateTime) = (try read(.subject), try read(.encounter), try read(.code),
                                                             try read(.effectiveDateTime))
            (effectivePeriod, issued, valueInteger, valueDecimal) = (try read(.effectivePeriod), try read(.issued),
                                                                     try read(.valueInteger), try read(.valueDecimal))
            (valueQuantity, valueCodeableConcept, component) = (try read(.valueQuantity), try read(.valueCodeableConcept),
                                                                try read(.component))
            (hasMember, derivedFrom, self.extension) = (try read(.hasMember), try read(.derivedFrom), try read(.extension))
        case "Goal":
            (identifier, subject, category, statusDate) = (try read(.identifier), try read(.subject), try read(.category),
                                                           try read(.statusDate))
            self.extension = try read(.extension)
        default: break
        }
    }
}
