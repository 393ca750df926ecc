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
        try json.member("system")?.requireString()
        code = try json.read("code")
        display = try json.read("display")
        self.extension = try json.read("extension")
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
        reference = try json.read("reference")
        display = try json.read("display")
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
        url = try json.require("url")
        valueString = try json.read("valueString")
        valueCode = try json.read("valueCode")
        valueInteger = try json.read("valueInteger")
        valueDecimal = try json.read("valueDecimal")
        valueCoding = try json.read("valueCoding")
        valueCodeableConcept = try json.read("valueCodeableConcept")
        valueReference = try json.read("valueReference")
        self.extension = try json.read("extension")
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
