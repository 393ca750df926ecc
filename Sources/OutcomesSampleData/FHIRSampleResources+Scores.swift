import OutcomesCore

extension FHIRSampleResources {
    /// The resources of one score, each shape a real system sends: PHQ-9 with items as a
    /// QuestionnaireResponse (LOINC item codes as linkIds, LOINC answer codes, the total as an
    /// item); GAD-7 with items as a panel Observation whose total is its value and whose items
    /// are member Observations (every third one with its items as components instead); a PHQ-9
    /// or GAD-7 total alone under its LOINC total code; other instruments (no LOINC item codes, or
    /// answer lists in which the same points have several codes) under their registry code, items
    /// as components. A score dated outside its episode names the episode.
    static func score(_ a: Assessment, episode: Episode) -> [[String: Any]] {
        guard let instrument = InstrumentRegistry.builtIn[a.instrument] else { return [] }
        let id = "\(a.episodeID)-\(a.instrument)-\(a.assessedOn)"
        let when = dateTime(a.assessedOn, minutes: 10 * 60 + 30)
        var common: [String: Any] = ["subject": ["reference": "Patient/" + patientID(episode.patientKey)]]
        let keyed = EHRShapes.insideEpisode(a.assessedOn, episode)
        common = common.merging(extensions([keyed ? nil : ext("episode_id", a.episodeID),
                                            ext("timepoint", a.timepoint?.rawValue)])) { first, _ in first }
        func observation(_ id: String, _ code: [String: Any], _ fields: [String: Any]) -> [String: Any] {
            ["resourceType": "Observation", "id": id, "status": "final", "effectiveDateTime": when,
             "code": ["coding": [code]]].merging(common) { first, _ in first }.merging(fields) { first, _ in first }
        }
        func coding(_ points: Score) -> [String: Any] {
            ["system": loinc, "code": instrument.loincAnswers.first { $0.value == points }?.key ?? ""]
        }
        func answer(_ points: Score) -> [String: Any] { ["coding": [coding(points)]] }
        let total = Int(a.score.description) ?? 0
        let oneCodePerPoints = Set(instrument.loincAnswers.values).count == instrument.loincAnswers.count
        guard let panel = instrument.loincPanel, let totalCode = instrument.loincTotal, !instrument.loincItems.isEmpty,
              !instrument.loincAnswers.isEmpty, oneCodePerPoints else {
            let components: [[String: Any]] = a.items.enumerated().compactMap { offset, item in
                guard let item, let points = Int(item.description) else { return nil }
                return ["code": ["coding": [["system": instrumentSystem, "code": "\(a.instrument)/\(offset + 1)"]]],
                        "valueInteger": points]
            }
            var fields: [String: Any] = ["valueInteger": total]
            if !components.isEmpty { fields["component"] = components }
            return [observation(id, ["system": instrumentSystem, "code": a.instrument], fields)]
        }
        if a.items.isEmpty {
            return [observation(id, ["system": loinc, "code": totalCode],
                                ["valueQuantity": ["value": total, "unit": "{score}", "system": "http://unitsofmeasure.org"]])]
        }
        let answered = a.items.enumerated().compactMap { offset, item in item.map { (offset + 1, $0) } }
        if instrument.code == "PHQ-9" {
            var items: [[String: Any]] = answered.map { number, points in
                ["linkId": instrument.loincItems[number - 1], "answer": [["valueCoding": coding(points)]]]
            }
            items.append(["linkId": totalCode, "answer": [["valueInteger": total]]])
            return [["resourceType": "QuestionnaireResponse", "id": id, "status": "completed", "authored": when,
                     "questionnaire": "http://loinc.org/q/" + panel, "item": items].merging(common) { first, _ in first }]
        }
        if a.assessedOn.ordinal % 3 == 0 {
            let components: [[String: Any]] = answered.map { number, points in
                ["code": ["coding": [["system": loinc, "code": instrument.loincItems[number - 1]]]],
                 "valueCodeableConcept": answer(points)]
            } + [["code": ["coding": [["system": loinc, "code": totalCode]]], "valueInteger": total]]
            return [observation(id, ["system": loinc, "code": panel], ["component": components])]
        }
        let members = answered.map { number, points in
            observation("\(id)-\(number)", ["system": loinc, "code": instrument.loincItems[number - 1]],
                        ["valueCodeableConcept": answer(points)])
        }
        let references = members.compactMap { $0["id"] as? String }.map { ["reference": "Observation/" + $0] }
        return [observation(id, ["system": loinc, "code": panel], ["valueInteger": total, "hasMember": references])] + members
    }
}
