extension FHIRResource {
    /// Reads `resourceType`, then only the members the loader reads from that type.
    /// - Parameter indexOnly: read only what `FHIRIndex` keeps of the types that make rows (the
    ///   first pass over an export).
    convenience init(json: JSONNode, indexOnly: Bool) throws(JSONShapeError) {
        try json.requireObject()
        self.init(resourceType: try json.require("resourceType"))
        id = try json.read("id")
        // In both passes: a line the first pass counts (a supporting or skipped type, counted there)
        // must not then fail in the load pass, or it would be counted twice.
        status = try json.read("status")
        if indexOnly {
            switch resourceType {
            case "Observation":
                (code, hasMember, focus) = (try json.read("code"), try json.read("hasMember"), try json.read("focus"))
                (encounter, derivedFrom, subject) = (try json.read("encounter"), try json.read("derivedFrom"), try json.read("subject"))
                if focus != nil { (valueInteger, effectiveDateTime) = (try json.read("valueInteger"), try json.read("effectiveDateTime")) }
            case "QuestionnaireResponse": encounter = try json.read("encounter")
            case "EpisodeOfCare": patient = try json.read("patient")
            case "Encounter", "Appointment", "Goal": break
            default: try readAll(json)
            }
            return
        }
        try readAll(json)
    }

    private func readAll(_ json: JSONNode) throws(JSONShapeError) {
        switch resourceType {
        case "Patient":
            identifier = try json.read("identifier")
            birthDate = try json.read("birthDate")
            gender = try json.read("gender")
            self.extension = try json.read("extension")
        case "Condition":
            code = try json.read("code")
        case "Coverage":
            beneficiary = try json.read("beneficiary")
            payor = try json.read("payor")
            period = try json.read("period")
        case "EpisodeOfCare":
            patient = try json.read("patient")
            period = try json.read("period")
            type = try json.read("type")
            diagnosis = try json.read("diagnosis")
            managingOrganization = try json.read("managingOrganization")
            self.extension = try json.read("extension")
        case "Encounter":
            subject = try json.read("subject")
            episodeOfCare = try json.read("episodeOfCare")
            period = try json.read("period")
            type = try json.read("type")
            serviceType = try json.read("serviceType")
            self.`class` = try json.read("class")
            length = try json.read("length")
            participant = try json.read("participant")
            self.extension = try json.read("extension")
        case "Appointment":
            start = try json.read("start")
            end = try json.read("end")
            minutesDuration = try json.read("minutesDuration")
            appointmentType = try json.read("appointmentType")
            serviceType = try json.read("serviceType")
            cancelationReason = try json.read("cancelationReason")
            participant = try json.read("participant")
            self.extension = try json.read("extension")
        case "QuestionnaireResponse":
            subject = try json.read("subject")
            encounter = try json.read("encounter")
            authored = try json.read("authored")
            questionnaire = try json.read("questionnaire")
            item = try json.read("item")
            self.extension = try json.read("extension")
        case "Questionnaire":
            url = try json.read("url")
            code = try json.read("code")
            item = try json.read("item")
        case "Observation":
            subject = try json.read("subject")
            encounter = try json.read("encounter")
            code = try json.read("code")
            effectiveDateTime = try json.read("effectiveDateTime")
            effectivePeriod = try json.read("effectivePeriod")
            issued = try json.read("issued")
            valueInteger = try json.read("valueInteger")
            valueDecimal = try json.read("valueDecimal")
            valueQuantity = try json.read("valueQuantity")
            valueCodeableConcept = try json.read("valueCodeableConcept")
            component = try json.read("component")
            hasMember = try json.read("hasMember")
            derivedFrom = try json.read("derivedFrom")
            focus = try json.read("focus")
            self.extension = try json.read("extension")
        case "Goal":
            identifier = try json.read("identifier")
            subject = try json.read("subject")
            category = try json.read("category")
            statusDate = try json.read("statusDate")
            self.extension = try json.read("extension")
        default: break
        }
    }
}
