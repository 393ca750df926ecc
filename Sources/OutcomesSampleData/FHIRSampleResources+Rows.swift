import OutcomesCore

extension FHIRSampleResources {
    /// Attended, late, left early and excused sessions as Encounters of their episode (the
    /// status extension says which); no-shows and cancellations as Appointments of the patient.
    static func session(_ s: Session, patient: String) -> [String: Any] {
        let start = dateTime(s.date, minutes: EHRShapes.startMinutes(s.type))
        let end = dateTime(s.date, minutes: EHRShapes.startMinutes(s.type) + s.scheduledMinutes)
        let staff = s.staffID.map { "Practitioner/" + $0 }
        switch s.status {
        case .noShow, .cancelledPatient, .cancelledProgram:
            var participants: [[String: Any]] = [["actor": ["reference": "Patient/" + patientID(patient)]]]
            if let staff { participants.append(["actor": ["reference": staff]]) }
            var resource: [String: Any] = [
                "resourceType": "Appointment", "id": s.sessionID ?? "", "start": start, "end": end,
                "status": s.status == .noShow ? "noshow" : "cancelled", "minutesDuration": s.scheduledMinutes,
                "appointmentType": ["coding": [["code": s.type.rawValue]]], "participant": participants,
            ]
            if s.status != .noShow {
                resource["cancelationReason"] = ["coding": [["code": s.status == .cancelledPatient ? "pat" : "prov"]]]
            }
            return resource.merging(extensions([ext("modality", s.modality?.rawValue)])) { first, _ in first }
        default:
            var resource: [String: Any] = [
                "resourceType": "Encounter", "id": s.sessionID ?? "", "status": s.status == .excused ? "cancelled" : "finished",
                "subject": ["reference": "Patient/" + patientID(patient)],
                "episodeOfCare": [["reference": "EpisodeOfCare/" + s.episodeID]], "period": ["start": start, "end": end],
                "type": [["coding": [["code": s.type.rawValue]]]],
            ]
            resource["class"] = s.modality.map {
                ["system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": $0 == .telehealth ? "VR" : "AMB"]
            }
            resource["length"] = s.attendedMinutes.map { ["value": $0, "unit": "min", "code": "min"] }
            resource["participant"] = staff.map { [["individual": ["reference": $0]]] }
            let detail = s.status == .attended ? nil : s.status.rawValue
            return resource.merging(extensions([ext("status", detail)])) { first, _ in first }
        }
    }

    /// A goal of the patient; one rated outside its episode's span (or not rated) names its episode.
    static func goal(_ row: GoalRow, episode: Episode) -> [String: Any] {
        let g = row.goal
        var resource: [String: Any] = [
            "resourceType": "Goal", "id": "\(g.episodeID)-\(g.goalID)", "lifecycleStatus": "active",
            "identifier": [["value": g.goalID]], "subject": ["reference": "Patient/" + patientID(episode.patientKey)],
            "description": ["text": g.domain ?? "goal"],
        ]
        resource["category"] = g.domain.map { [["coding": [["code": $0]]]] }
        resource["statusDate"] = g.ratedOn?.description
        let keyed = g.ratedOn.map { EHRShapes.insideEpisode($0, episode) } ?? false
        return resource.merging(extensions([
            keyed ? nil : ext("episode_id", g.episodeID), ext("weight", row.writtenWeight),
            ext("baseline_level", g.baselineLevel), ext("attained_level", g.attainedLevel),
        ])) { first, _ in first }
    }
}
