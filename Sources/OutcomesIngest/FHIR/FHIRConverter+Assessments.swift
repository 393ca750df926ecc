import OutcomesCore

extension FHIRConverter {
    // MARK: - QuestionnaireResponse

    /// One assessment per response: items and the total found by LOINC code (the item's code in
    /// its Questionnaire, or a linkId that is a registry code), answers as LOINC answer codes,
    /// local codes with an `ordinalValue`, or numbers. Other answers (a T-score) are never summed.
    func questionnaireResponse(_ r: FHIRResource) -> FHIRConverted {
        let facts = questionnaireFacts(r.questionnaire)
        // Each item's code's role, looked up once (a hash of the code each time).
        var found: [FoundItem] = []
        func walk(_ items: [QuestionnaireItem], _ path: String) {
            for (position, item) in items.enumerated() {
                let role = codes.role(item.linkId.map { itemCode($0, facts) })
                let nested = item.item ?? []
                // Paths are made only for the items kept and those holding items (most are neither).
                guard role != nil || !nested.isEmpty else { continue }
                if let role {
                    let answerPath = path == "$.item" && position < Self.topItemAnswerPaths.count
                        ? Self.topItemAnswerPaths[position] : "\(path)[\(position)].answer[0]"
                    found.append(FoundItem(role: role, answer: item.answer?.first, path: answerPath))
                }
                if !nested.isEmpty { walk(nested, "\(path)[\(position)].item") }
            }
        }
        walk(r.item ?? [], "$.item")
        let instruments = self.instruments(found.lazy.map { $0.role }, facts)
        guard let code = instruments.first, let scale = registry[code] else {
            return .skipped("QuestionnaireResponse (no instrument of the registry)")
        }
        guard instruments.count == 1 else {
            let names = instruments.sorted().joined(separator: " and ")
            let problem = FHIRLineProblem(path: "$.item", message: "the response holds items of \(names)")
            return .rejected(.assessments, problem, .malformedRow)
        }
        var row = assessmentSubject(r, date: r.authored, datePath: "$.authored")
        row.set("instrument", scale.code, at: "$.questionnaire")
        for entry in found {
            let column: String
            switch entry.role {
            case .item(_, let number): column = "item_\(number)"
            case .total: column = "total"
            default: continue
            }
            switch points(entry.answer, scale, facts) {
            case .success(let value): row.set(column, value, at: entry.path)
            case .failure(let failure):
                return .rejected(.assessments, FHIRLineProblem(path: entry.path, message: failure.text), .unknownCode)
            }
        }
        extensions(r, into: &row, table: .assessments)
        return .row(.assessments, row)
    }

    /// `$.item[0].answer[0]` ... `$.item[63].answer[0]`, made once rather than for every response.
    private static let topItemAnswerPaths = (0..<64).map { "$.item[\($0)].answer[0]" }

    /// A response item whose code the registry knows: its role, its first answer and that
    /// answer's path. (A struct, not a tuple: a lazy map over tuples copied and destroyed each
    /// through the runtime's generic tuple witnesses, about a fifth of a response's conversion.)
    private struct FoundItem {
        var role: LOINCIndex.Role
        var answer: QuestionnaireItem.Answer?
        var path: String
    }

    /// The facts of the Questionnaire a response names by canonical URL (a `|version` ignored).
    func questionnaireFacts(_ reference: String?) -> FHIRIndex.QuestionnaireFacts? {
        guard let reference else { return nil }
        // Most name no version: looked up as they are (splitting cost an array per response).
        guard reference.utf8.contains(UInt8(ascii: "|")) else { return index.questionnaires[reference] }
        return index.questionnaires[String(reference.split(separator: "|").first ?? "")]
    }

    /// The code of a response item: its Questionnaire item's code, else the linkId itself.
    func itemCode(_ linkId: String, _ facts: FHIRIndex.QuestionnaireFacts?) -> String { facts?.itemCodes[linkId] ?? linkId }

    /// The registry instruments that item codes (by their roles) and a Questionnaire's panel code
    /// name, each once (a response names one, mostly: a list, not a set, costs no hashing of the names).
    func instruments<Roles: Sequence<LOINCIndex.Role?>>(_ itemRoles: Roles,
                                                        _ facts: FHIRIndex.QuestionnaireFacts?) -> [String] {
        var instruments: [String] = []
        func add(_ role: LOINCIndex.Role?) {
            guard let instrument = LOINCIndex.instrument(of: role), !instruments.contains(instrument) else { return }
            instruments.append(instrument)
        }
        itemRoles.forEach(add)
        add(codes.role(facts?.panel))
        return instruments
    }

    /// True when the response with `id` is in the export and answers one registry instrument
    /// (then an Observation derived from it is its copy, and is skipped).
    func isLoadedResponse(_ id: String) -> Bool {
        guard let response = index.responses[id] else { return false }
        let facts = questionnaireFacts(response.questionnaire)
        return instruments(response.linkIds.lazy.map { self.codes.role(self.itemCode($0, facts)) }, facts).count == 1
    }

    /// The episode (through the response's Encounter) or the patient, and the date.
    func assessmentSubject(_ r: FHIRResource, date: String?, datePath: String) -> FHIRRow {
        var row = FHIRRow()
        if let episode = index.episode(ofEncounter: r.encounter?.id(of: "Encounter")) {
            row.set("episode_id", episode, at: "$.encounter")
        } else {
            row.set("patient_id", index.patient(r.subject?.id(of: "Patient"))?.sourceID, at: "$.subject")
        }
        row.set("assessed_on", date, at: datePath)
        return row
    }

    /// An answer's points as text: a number, a LOINC answer code of the instrument (with or
    /// without its system), a code with an `ordinalValue`, or a local code its Questionnaire
    /// gives an ordinal value; a failure names what was not understood.
    private func points(_ answer: QuestionnaireItem.Answer?, _ scale: Instrument,
                        _ facts: FHIRIndex.QuestionnaireFacts?) -> Result<String?, FailureText> {
        guard let answer else { return .success(nil) }
        if let value = answer.valueInteger { return .success(String(value)) }
        if let value = answer.valueDecimal?.text ?? answer.valueQuantity?.value?.text ?? answer.valueString {
            return .success(value)
        }
        guard let coding = answer.valueCoding else { return .success(nil) }
        return codingPoints(coding, scale, facts)
    }

    /// The points of a coded answer (see `points`).
    func codingPoints(_ coding: FHIRCoding, _ scale: Instrument, _ facts: FHIRIndex.QuestionnaireFacts?)
        -> Result<String?, FailureText> {
        if let ordinal = coding.extension?.value(ordinalValueURL) { return .success(ordinal) }
        guard let code = coding.code else { return .failure(FailureText("the answer's coding has no code")) }
        if let value = scale.loincAnswers[code] { return .success(value.description) }
        if let value = facts?.answerPoints[code] { return .success(value) }
        let accepted = scale.loincAnswers.keys.sorted().joined(separator: ", ")
        return .failure(FailureText("answer code \(MessageText.quoted(code)) has no points: it is neither a LOINC answer of "
                                    + "\(scale.code) (\(accepted)) nor a code with an ordinalValue"))
    }

    // MARK: - Observation

    /// Rows of a long assessment for one Observation: the value under an item code, a total
    /// code or the panel code (the total), each component, or (a panel listing its items in
    /// `hasMember`) the panel alone; the difficulty question as an unscored row. The instrument
    /// comes from the code, the panel listing the Observation, or a component's code (an
    /// Observation under a local code with the total in a component). An Observation about a
    /// Goal is its GAS rating, read by the Goal's row.
    func observation(_ r: FHIRResource) -> FHIRConverted {
        if r.goalFocus != nil { return .supporting }
        if let source = r.derivedFrom?.lazy.compactMap({ $0.id(of: "QuestionnaireResponse") }).first,
           isLoadedResponse(source) {
            return .skipped("Observation (copy of a QuestionnaireResponse in the export)")
        }
        let code = r.code?.firstCode
        // The code's role is looked up once (a hash of the code each time); the panel listing the
        // Observation only when the code names no instrument.
        let role = codes.role(code)
        let componentCodes = (r.component ?? []).lazy.compactMap { $0.code?.firstCode }
        let instrument = LOINCIndex.instrument(of: role)
            ?? r.id.flatMap({ self.codes.instrument(self.index.panelOfMember[$0]) })
            ?? componentCodes.compactMap({ self.codes.instrument($0) }).first
        let rows = instrument.flatMap { instrument in
            registry.withInstrument(instrument) { scale in observationRows(r, scale, code: code, role: role) }
        }
        return rows ?? .skipped("Observation (no instrument of the registry)")
    }

    /// `observation(_:)`'s rows once its instrument is known: `scale`, which its code (whose role
    /// is `role`), its panel or a component's code names.
    private func observationRows(_ r: FHIRResource, _ scale: Instrument, code: String?, role: LOINCIndex.Role?)
        -> FHIRConverted {
        let date = r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued
        let datePath = r.effectiveDateTime != nil ? "$.effectiveDateTime"
            : r.effectivePeriod != nil ? "$.effectivePeriod.start" : "$.issued"
        var baseRow = assessmentSubject(r, date: date, datePath: datePath)
        baseRow.set("instrument", scale.code, at: "$.code")
        extensions(r, into: &baseRow, table: .assessments)
        var rows: [FHIRRow] = []
        rows.reserveCapacity(1 + (r.component?.count ?? 0))
        /// Adds the row of one value: `role` is that of an item or total code (the panel code for a
        /// total), `codePath` the path of that code, `answerPath` that of the value.
        func add(_ role: LOINCIndex.Role?, _ value: Result<String?, FailureText>, codePath: String,
                 answerPath: String) -> FHIRConverted? {
            var row = baseRow
            row.set("item", Self.itemReference(role), at: codePath)
            if case .unscored = role {
                rows.append(row)
                return nil
            }
            switch value {
            case .success(let text): row.set("answer", text, at: answerPath)
            case .failure(let failure):
                return .rejected(.assessments, FHIRLineProblem(path: answerPath, message: failure.text), .unknownCode)
            }
            rows.append(row)
            return nil
        }
        let own = observationValue(r.valueInteger, r.valueDecimal, r.valueQuantity, r.valueCodeableConcept, scale)
        if code != nil, LOINCIndex.instrument(of: role) == scale.code,
           own.element != nil || role != .panel(scale.code) {
            let answerPath = own.element?.rootPath ?? "$.value"
            if let rejected = add(role, own.points, codePath: "$.code", answerPath: answerPath) { return rejected }
        }
        for (position, component) in (r.component ?? []).enumerated() {
            let componentRole = codes.role(component.code?.firstCode)
            guard LOINCIndex.instrument(of: componentRole) == scale.code else { continue }
            let value = observationValue(component.valueInteger, component.valueDecimal, component.valueQuantity,
                                         component.valueCodeableConcept, scale)
            if let rejected = add(componentRole, value.points, codePath: Self.componentCodePath(position),
                                  answerPath: Self.componentValuePath(position, value.element)) {
                return rejected
            }
        }
        if rows.isEmpty {
            // A panel whose items are member Observations: the line joins their assessment.
            var row = baseRow
            row.set("item", "panel", at: "$.code")
            rows.append(row)
        }
        return .answers(rows)
    }

    /// How a long row names the item a code of `role` stands for: its number, `total` (the panel
    /// code's value is the total), or `panel` for a code that is asked but never summed.
    private static func itemReference(_ role: LOINCIndex.Role?) -> String {
        switch role {
        case .item(_, let number): return String(number)
        case .total, .panel: return "total"
        default: return "panel"
        }
    }

    /// The value of an Observation or a component: its points and the element it was read from.
    private func observationValue(_ integer: Int?, _ decimal: FHIRNumber?, _ quantity: FHIRQuantity?,
                                  _ concept: FHIRCodeableConcept?, _ scale: Instrument) -> ObservationValue {
        if let integer { return ObservationValue(points: .success(String(integer)), element: .integer) }
        if let decimal { return ObservationValue(points: .success(decimal.text), element: .decimal) }
        if let quantity { return ObservationValue(points: .success(quantity.value?.text), element: .quantity) }
        if let coding = concept?.coding?.first {
            return ObservationValue(points: codingPoints(coding, scale, nil), element: .codeableConcept)
        }
        return ObservationValue(points: .success(nil), element: nil)
    }

    /// The points of an Observation's or a component's value, and the element they were read from
    /// (nil: it has no value). A struct, not a tuple: see `FoundItem`.
    private struct ObservationValue {
        var points: Result<String?, FailureText>
        var element: ValueElement?
    }

    /// The path of component `position`'s code.
    private static func componentCodePath(_ position: Int) -> String {
        position < componentPaths.count ? componentPaths[position].code : "$.component[\(position)].code"
    }

    /// The path of component `position`'s value read from `element`, or of the component when it has none.
    private static func componentValuePath(_ position: Int, _ element: ValueElement?) -> String {
        guard position < componentPaths.count else { return "$.component[\(position)]" + (element?.suffix ?? "") }
        let paths = componentPaths[position]
        return element.map { paths.values[$0.rawValue] } ?? paths.component
    }

    /// The paths of one component: of the component itself, of its code, and of its value from
    /// each `ValueElement` (by raw value).
    private struct ComponentPaths {
        let component: String
        let code: String
        let values: [String]

        init(position: Int) {
            let component = "$.component[\(position)]"
            (self.component, code) = (component, component + ".code")
            values = ValueElement.allCases.map { component + $0.suffix }
        }
    }

    /// The first 32 components' paths, made once rather than for every component read.
    private static let componentPaths = (0..<32).map(ComponentPaths.init(position:))

    /// The element of an Observation or a component that a value is read from.
    private enum ValueElement: Int, CaseIterable {
        case integer, decimal, quantity, codeableConcept

        /// Its path below the element holding it.
        var suffix: String {
            switch self {
            case .integer: return ".valueInteger"
            case .decimal: return ".valueDecimal"
            case .quantity: return ".valueQuantity"
            case .codeableConcept: return ".valueCodeableConcept"
            }
        }

        /// Its path in the Observation itself, written out: made by appending, once per item
        /// Observation, it cost an allocation.
        var rootPath: String {
            switch self {
            case .integer: return "$.valueInteger"
            case .decimal: return "$.valueDecimal"
            case .quantity: return "$.valueQuantity"
            case .codeableConcept: return "$.valueCodeableConcept"
            }
        }
    }
}

/// A message for a person, as a failure value.
struct FailureText: Error {
    let text: String
    init(_ text: String) { self.text = text }
}
