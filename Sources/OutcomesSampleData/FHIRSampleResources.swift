import OutcomesCore

/// The sample program's rows as FHIR R4 resources (JSON objects), with the extensions the
/// FHIR mapping file names for what FHIR elements do not carry.
enum FHIRSampleResources {
    /// Where the sample's extensions are defined.
    static let extensionBase = "https://iop-outcomes.example/fhir/StructureDefinition/"
    /// The canonical columns carried by extensions, and each one's URL.
    static let extensionColumns = ["level_of_care", "discharge_reason", "referral_source", "planned_weeks", "status",
                                   "modality", "timepoint", "episode_id", "weight", "baseline_level", "attained_level"]
    static func url(_ column: String) -> String { extensionBase + column.replacingOccurrences(of: "_", with: "-") }

    static let loinc = "http://loinc.org"
    static let instrumentSystem = "urn:iop-outcomes:instrument"
    static let mrnSystem = "urn:iop-sample:mrn"

    static func patientID(_ mrn: String) -> String { "pt-" + mrn }

    static func ext(_ column: String, _ value: Any?) -> [String: Any]? {
        guard let value else { return nil }
        if let number = value as? Int { return ["url": url(column), "valueInteger": number] }
        return ["url": url(column), "valueString": "\(value)"]
    }

    static func extensions(_ list: [[String: Any]?]) -> [String: Any] {
        let present = list.compactMap { $0 }
        return present.isEmpty ? [:] : ["extension": present]
    }

    /// `2026-10-03T09:00:00-05:00` plus `minutes`, on the same day (sessions end by evening).
    static func dateTime(_ day: Day, minutes: Int) -> String {
        "\(day)T\(pad(minutes / 60 % 24, 2)):\(pad(minutes % 60, 2)):00-05:00"
    }

    static func patient(_ e: Episode) -> [String: Any] {
        let birth = Day(year: e.admissionDate.year - (e.ageAtAdmission ?? 0), month: e.admissionDate.month,
                        day: min(e.admissionDate.day, 28)) ?? e.admissionDate
        var resource: [String: Any] = [
            "resourceType": "Patient", "id": patientID(e.patientKey),
            "identifier": [["type": ["coding": [["system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"]]],
                            "system": mrnSystem, "value": e.patientKey]],
            "birthDate": birth.description,
        ]
        resource["gender"] = e.sex
        var extensions: [[String: Any]] = []
        for (url, text) in [("http://hl7.org/fhir/us/core/StructureDefinition/us-core-race", e.race),
                            ("http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity", e.ethnicity)] {
            if let text { extensions.append(["url": url, "extension": [["url": "text", "valueString": text]]]) }
        }
        if !extensions.isEmpty { resource["extension"] = extensions }
        return resource
    }

    static func coverage(_ e: Episode) -> [String: Any]? {
        guard let payer = e.payer else { return nil }
        return ["resourceType": "Coverage", "id": "cov-" + e.patientKey, "status": "active",
                "beneficiary": ["reference": "Patient/" + patientID(e.patientKey)], "payor": [["display": payer]]]
    }

    static func condition(_ e: Episode) -> [String: Any]? {
        guard let dx = e.primaryDx else { return nil }
        return ["resourceType": "Condition", "id": "dx-" + e.episodeID,
                "subject": ["reference": "Patient/" + patientID(e.patientKey)],
                "code": ["coding": [["system": "http://hl7.org/fhir/sid/icd-10-cm", "code": dx]]]]
    }

    static func episodeOfCare(_ e: Episode) -> [String: Any] {
        var period: [String: Any] = ["start": e.admissionDate.description]
        period["end"] = e.dischargeDate?.description
        var resource: [String: Any] = [
            "resourceType": "EpisodeOfCare", "id": e.episodeID, "status": e.dischargeDate == nil ? "active" : "finished",
            "patient": ["reference": "Patient/" + patientID(e.patientKey)], "period": period,
            "type": [["coding": [["system": "urn:iop-sample:track", "code": e.program]]]],
        ]
        resource["managingOrganization"] = e.site.map { ["display": $0] }
        if e.primaryDx != nil {
            resource["diagnosis"] = [["condition": ["reference": "Condition/dx-" + e.episodeID], "rank": 1]]
        }
        return resource.merging(extensions([
            ext("level_of_care", e.levelOfCare.rawValue), ext("discharge_reason", e.dischargeReason?.rawValue),
            ext("referral_source", e.referralSource), ext("planned_weeks", e.plannedWeeks),
        ])) { first, _ in first }
    }
}
