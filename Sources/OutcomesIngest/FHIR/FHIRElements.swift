// Small types for the FHIR R4 elements the loader reads, and nothing else, read from the
// hand-written JSON tape (`JSON/`): no FHIR package resolves on this machine, and a few structs
// read only the members they need.

/// A FHIR `Coding`: a code in a system; `ordinalValue` is the R4 extension giving its points.
/// The system is checked to be a string but not kept (codes are recognised without it).
struct FHIRCoding: JSONReadable {
    var code: String?
    var display: String?
    var `extension`: [FHIRExtension]?

    init(json: JSONNode) throws(JSONShapeError) {
        try json.requireObject()
        // The first member of each name, found in one pass and told apart by length (the four
        // names have four): looking each name up passed over a coding's members four times.
        var system, code, display, extensions: JSONNode?
        json.forEachMember { name, value in
            switch name.count {
            case 6: JSONNode.keepFirst(&system, named: "system", name, value)
            case 4: JSONNode.keepFirst(&code, named: "code", name, value)
            case 7: JSONNode.keepFirst(&display, named: "display", name, value)
            case 9: JSONNode.keepFirst(&extensions, named: "extension", name, value)
            default: break
            }
        }
        try system?.nonNull?.requireString()
        self.code = try code.read()
        self.display = try display.read()
        self.extension = try extensions.read()
    }
}

/// A FHIR `CodeableConcept`; also reads a list of Codings (`Questionnaire.code`).
struct FHIRCodeableConcept: JSONReadable {
    var coding: [FHIRCoding]?

    init(json: JSONNode) throws(JSONShapeError) {
        if json.isArray {
            coding = try [FHIRCoding](json: json)
            return
        }
        try json.requireObject()
        coding = try json.read("coding")
    }

    /// The first coding's code.
    var firstCode: String? { coding?.lazy.compactMap(\.code).first }
}

/// A FHIR `Reference` (`Patient/123`).
struct FHIRReference: JSONReadable {
    var reference: String?
    var display: String?

    init(json: JSONNode) throws(JSONShapeError) {
        try json.requireObject()
        // The first member of each name, found in one pass (as `FHIRCoding` finds its own).
        var reference, display: JSONNode?
        json.forEachMember { name, value in
            switch name.count {
            case 9: JSONNode.keepFirst(&reference, named: "reference", name, value)
            case 7: JSONNode.keepFirst(&display, named: "display", name, value)
            default: break
            }
        }
        self.reference = try reference.read()
        self.display = try display.read()
    }

    /// The id of a reference to a resource of `type` (`Patient/123` -> `123`); nil for another type.
    /// (Read from the contiguous UTF-8 bytes: through `String.UTF8View` indices this was a few
    /// percent of a load's instructions, every resource naming a patient or an episode.)
    func id(of type: String) -> String? {
        guard var reference else { return nil }
        var type = type
        return reference.withUTF8 { bytes in
            type.withUTF8 { type in
                guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")), slash + 1 < bytes.count else { return nil }
                let typeStart = bytes[..<slash].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
                guard slash - typeStart == type.count, bytes[typeStart..<slash].elementsEqual(type) else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[(slash + 1)...]), as: UTF8.self)
            }
        }
    }
}

/// A FHIR `Period`.
struct FHIRPeriod: JSONReadable {
    var start: String?
    var end: String?

    init(json: JSONNode) throws(JSONShapeError) {
        try json.requireObject()
        start = try json.read("start")
        end = try json.read("end")
    }
}

/// A FHIR `Quantity` (also `Duration`); its value only (scores have no unit, lengths are minutes).
struct FHIRQuantity: JSONReadable {
    var value: FHIRNumber?

    init(json: JSONNode) throws(JSONShapeError) {
        try json.requireObject()
        value = try json.read("value")
    }
}

/// A JSON number as text, so that `13` and `62.5` reach the score parser exactly: an integer as
/// written, a decimal or exponent form as its shortest decimal (`1.0e1` is `10`).
struct FHIRNumber: JSONReadable {
    var text: String

    init(json: JSONNode) throws(JSONShapeError) {
        let (written, isInteger) = try json.numberText()
        if isInteger, let integer = Int(written) {
            text = String(integer)
        } else {
            let value = Double(written) ?? .nan
            text = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
    }
}

/// A FHIR `Identifier`.
struct FHIRIdentifier: JSONReadable {
    var system: String?
    var value: String?
    var type: FHIRCodeableConcept?

    init(json: JSONNode) throws(JSONShapeError) {
        try json.requireObject()
        system = try json.read("system")
        value = try json.read("value")
        type = try json.read("type")
    }
}

/// A FHIR `Extension` with the value types the loader reads.
struct FHIRExtension: JSONReadable {
    var url: String
    var valueString: String?
    var valueCode: String?
    var valueInteger: Int?
    var valueDecimal: FHIRNumber?
    var valueCoding: FHIRCoding?
    var valueCodeableConcept: FHIRCodeableConcept?
    var valueReference: FHIRReference?
    var `extension`: [FHIRExtension]?

    init(json: JSONNode) throws(JSONShapeError) {
        try json.requireObject()
        // The first member of each name, found in one pass (as `FHIRCoding` finds its own).
        var url, string, code, integer, decimal, coding, concept, reference, extensions: JSONNode?
        json.forEachMember { name, value in
            switch name.count {
            case 3: JSONNode.keepFirst(&url, named: "url", name, value)
            case 9:
                JSONNode.keepFirst(&code, named: "valueCode", name, value)
                JSONNode.keepFirst(&extensions, named: "extension", name, value)
            case 11:
                JSONNode.keepFirst(&string, named: "valueString", name, value)
                JSONNode.keepFirst(&coding, named: "valueCoding", name, value)
            case 12:
                JSONNode.keepFirst(&integer, named: "valueInteger", name, value)
                JSONNode.keepFirst(&decimal, named: "valueDecimal", name, value)
            case 14: JSONNode.keepFirst(&reference, named: "valueReference", name, value)
            case 20: JSONNode.keepFirst(&concept, named: "valueCodeableConcept", name, value)
            default: break
            }
        }
        guard let url = url?.nonNull else { throw JSONShapeError(index: json.index, problem: .missing("url")) }
        self.url = try String(json: url)
        valueString = try string.read()
        valueCode = try code.read()
        valueInteger = try integer.read()
        valueDecimal = try decimal.read()
        valueCoding = try coding.read()
        valueCodeableConcept = try concept.read()
        valueReference = try reference.read()
        self.extension = try extensions.read()
    }

    /// The value as text: a string, a code, a number, a coding's code or a reference's id.
    var text: String? {
        if let text = valueString ?? valueCode { return text }
        if let valueInteger { return String(valueInteger) }
        if let text = valueDecimal?.text ?? valueCoding?.code ?? valueCodeableConcept?.firstCode { return text }
        guard let reference = valueReference?.reference else { return nil }
        return FHIRConverter.lastNonEmptyPart(of: reference)
    }
}

extension Array where Element == FHIRExtension {
    /// The value of the extension with `url`, as text.
    func value(_ url: String) -> String? { first { $0.url == url }?.text }
}

/// The `ordinalValue` extension of a Coding (R4): the points of a local answer code.
let ordinalValueURL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"

extension FHIRResource {
    /// The id of the Goal an Observation is about (its `focus`), when it is one.
    var goalFocus: String? { focus?.lazy.compactMap { $0.id(of: "Goal") }.first }
}
