// Small Codable types for the FHIR R4 elements the loader reads, and nothing else: no FHIR
// package resolves on this machine, and a few structs decode faster than a full model.

/// A FHIR `Coding`: a code in a system; `ordinalValue` is the R4 extension giving its points.
struct FHIRCoding: Decodable {
    var system: String?
    var code: String?
    var display: String?
    var `extension`: [FHIRExtension]?
}

/// A FHIR `CodeableConcept`; also reads a list of Codings (`Questionnaire.code`).
struct FHIRCodeableConcept: Decodable {
    var coding: [FHIRCoding]?

    private enum Key: String, CodingKey { case coding }

    init(from decoder: any Decoder) throws {
        if let list = try? decoder.singleValueContainer().decode([FHIRCoding].self) {
            coding = list
            return
        }
        let container = try decoder.container(keyedBy: Key.self)
        coding = try container.decodeIfPresent([FHIRCoding].self, forKey: .coding)
    }

    /// The first coding's code.
    var firstCode: String? { coding?.lazy.compactMap(\.code).first }
}

/// A FHIR `Reference` (`Patient/123`).
struct FHIRReference: Decodable {
    var reference: String?
    var display: String?

    /// The id of a reference to a resource of `type` (`Patient/123` -> `123`); nil for another type.
    func id(of type: String) -> String? {
        guard let reference else { return nil }
        let parts = reference.split(separator: "/")
        guard parts.count >= 2, parts[parts.count - 2] == type else { return nil }
        return String(parts[parts.count - 1])
    }
}

/// A FHIR `Period`.
struct FHIRPeriod: Decodable {
    var start: String?
    var end: String?
}

/// A FHIR `Quantity` (also `Duration`); its value only (scores have no unit, lengths are minutes).
struct FHIRQuantity: Decodable {
    var value: FHIRNumber?
}

/// A JSON number kept as written, so that `13` and `62.5` reach the score parser exactly.
struct FHIRNumber: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int.self) {
            text = String(integer)
        } else {
            let value = try container.decode(Double.self)
            text = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
    }
}

/// A FHIR `Identifier`.
struct FHIRIdentifier: Decodable {
    var system: String?
    var value: String?
    var type: FHIRCodeableConcept?
}

/// A FHIR `Extension` with the value types the loader reads.
struct FHIRExtension: Decodable {
    var url: String
    var valueString: String?
    var valueCode: String?
    var valueInteger: Int?
    var valueDecimal: FHIRNumber?
    var valueCoding: FHIRCoding?
    var valueCodeableConcept: FHIRCodeableConcept?
    var valueReference: FHIRReference?
    var `extension`: [FHIRExtension]?

    /// The value as text: a string, a code, a number, a coding's code or a reference's id.
    var text: String? {
        if let text = valueString ?? valueCode { return text }
        if let valueInteger { return String(valueInteger) }
        if let text = valueDecimal?.text ?? valueCoding?.code ?? valueCodeableConcept?.firstCode { return text }
        guard let reference = valueReference?.reference else { return nil }
        return reference.split(separator: "/").last.map(String.init)
    }
}

extension Array where Element == FHIRExtension {
    /// The value of the extension with `url`, as text.
    func value(_ url: String) -> String? { first { $0.url == url }?.text }
}

/// The `ordinalValue` extension of a Coding (R4): the points of a local answer code.
let ordinalValueURL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
