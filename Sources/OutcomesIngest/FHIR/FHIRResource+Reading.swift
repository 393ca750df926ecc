extension FHIRResource {
    /// Reads `resourceType`, then only the members the loader reads from that type.
    /// - Parameter indexOnly: read only what `FHIRIndex` keeps of the types that make rows (the
    ///   first pass over an export).
    convenience init(json: JSONNode, indexOnly: Bool) throws(JSONShapeError) {
        let members = try json.members(Self.memberNames)
        self.init(resourceType: try members.require(.resourceType))
        id = try members.read(.id)
        // In both passes: a line the first pass counts (a supporting or skipped type, counted there)
        // must not then fail in the load pass, or it would be counted twice.
        status = try members.read(.status)
        if indexOnly {
            switch resourceType {
            case "Observation":
                (code, hasMember, focus) = (try members.read(.code), try members.read(.hasMember),
                                            try members.read(.focus))
                (encounter, derivedFrom, subject) = (try members.read(.encounter), try members.read(.derivedFrom),
                                                     try members.read(.subject))
                if focus != nil {
                    (valueInteger, effectiveDateTime) = (try members.read(.valueInteger),
                                                         try members.read(.effectiveDateTime))
                }
            case "QuestionnaireResponse": encounter = try members.read(.encounter)
            case "EpisodeOfCare": patient = try members.read(.patient)
            case "Encounter", "Appointment", "Goal": break
            default: try readAll(members)
            }
            return
        }
        try readAll(members)
    }

    private func readAll(_ members: JSONMembers<Member>) throws(JSONShapeError) {
        switch resourceType {
        case "Patient":
            identifier = try members.read(.identifier)
            birthDate = try members.read(.birthDate)
            gender = try members.read(.gender)
            self.extension = try members.read(.`extension`)
        case "Condition":
            code = try members.read(.code)
        case "Coverage":
            beneficiary = try members.read(.beneficiary)
            payor = try members.read(.payor)
            period = try members.read(.period)
        case "EpisodeOfCare":
            patient = try members.read(.patient)
            period = try members.read(.period)
            type = try members.read(.type)
            diagnosis = try members.read(.diagnosis)
            managingOrganization = try members.read(.managingOrganization)
            self.extension = try members.read(.`extension`)
        case "Encounter":
            subject = try members.read(.subject)
            episodeOfCare = try members.read(.episodeOfCare)
            period = try members.read(.period)
            type = try members.read(.type)
            serviceType = try members.read(.serviceType)
            self.`class` = try members.read(.`class`)
            length = try members.read(.length)
            participant = try members.read(.participant)
            self.extension = try members.read(.`extension`)
        case "Appointment":
            start = try members.read(.start)
            end = try members.read(.end)
            minutesDuration = try members.read(.minutesDuration)
            appointmentType = try members.read(.appointmentType)
            serviceType = try members.read(.serviceType)
            cancelationReason = try members.read(.cancelationReason)
            participant = try members.read(.participant)
            self.extension = try members.read(.`extension`)
        case "QuestionnaireResponse":
            subject = try members.read(.subject)
            encounter = try members.read(.encounter)
            authored = try members.read(.authored)
            questionnaire = try members.read(.questionnaire)
            item = try members.read(.item)
            self.extension = try members.read(.`extension`)
        case "Questionnaire":
            url = try members.read(.url)
            code = try members.read(.code)
            item = try members.read(.item)
        case "Observation":
            subject = try members.read(.subject)
            encounter = try members.read(.encounter)
            code = try members.read(.code)
            effectiveDateTime = try members.read(.effectiveDateTime)
            effectivePeriod = try members.read(.effectivePeriod)
            issued = try members.read(.issued)
            valueInteger = try members.read(.valueInteger)
            valueDecimal = try members.read(.valueDecimal)
            valueQuantity = try members.read(.valueQuantity)
            valueCodeableConcept = try members.read(.valueCodeableConcept)
            component = try members.read(.component)
            hasMember = try members.read(.hasMember)
            derivedFrom = try members.read(.derivedFrom)
            focus = try members.read(.focus)
            self.extension = try members.read(.`extension`)
        case "Goal":
            identifier = try members.read(.identifier)
            subject = try members.read(.subject)
            category = try members.read(.category)
            statusDate = try members.read(.statusDate)
            self.extension = try members.read(.`extension`)
        default: break
        }
    }

    /// The members a resource's type is read from, every type's together (each is read once
    /// per resource: `JSONNode.members`).
    enum Member: Int, CaseIterable {
        case resourceType
        case id
        case status
        case code
        case hasMember
        case focus
        case encounter
        case derivedFrom
        case subject
        case valueInteger
        case effectiveDateTime
        case patient
        case identifier
        case birthDate
        case gender
        case `extension`
        case beneficiary
        case payor
        case period
        case type
        case diagnosis
        case managingOrganization
        case episodeOfCare
        case serviceType
        case `class`
        case length
        case participant
        case start
        case end
        case minutesDuration
        case appointmentType
        case cancelationReason
        case authored
        case questionnaire
        case item
        case url
        case effectivePeriod
        case issued
        case valueDecimal
        case valueQuantity
        case valueCodeableConcept
        case component
        case category
        case statusDate
    }

    private static let memberNames = JSONMemberNames<Member>()
}
