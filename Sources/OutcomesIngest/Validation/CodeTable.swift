import OutcomesCore

/// The codes of one controlled vocabulary, matched against a field's bytes without making a
/// string (codes are case-sensitive).
struct CodeTable<Code: RawRepresentable & CaseIterable> where Code.RawValue == String {
    private let entries: [(bytes: [UInt8], code: Code)]
    /// The accepted codes, for `unknown_code` messages.
    let accepted: String

    init(_ type: Code.Type = Code.self) {
        entries = Code.allCases.map { (Array($0.rawValue.utf8), $0) }
        accepted = Code.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// The code spelled by `bytes[range]`, if any.
    func match(_ bytes: [UInt8], _ range: Range<Int>) -> Code? {
        let count = range.count
        for entry in entries where entry.bytes.count == count {
            var equal = true
            var offset = 0
            while offset < count {
                if entry.bytes[offset] != bytes[range.lowerBound + offset] { equal = false; break }
                offset += 1
            }
            if equal { return entry.code }
        }
        return nil
    }
}

extension RowFields {
    /// A code of `table`'s vocabulary (after the mapping's translation); nil when blank and
    /// not required.
    func code<Code>(_ column: ColumnRef, _ table: CodeTable<Code>, required: Bool) throws(RowReject) -> Code? {
        if isBlank(column) {
            if required { throw RowReject(column.name, .missingField, "\(column.name) is required and is blank") }
            return nil
        }
        let (bytes, range) = self.bytes(column)
        guard let code = table.match(bytes, range) else {
            throw RowReject(column.name, .unknownCode, "the value is not a code of \(column.name); accepted: \(table.accepted)")
        }
        return code
    }

    /// A required code of `table`'s vocabulary.
    func requiredCode<Code>(_ column: ColumnRef, _ table: CodeTable<Code>) throws(RowReject) -> Code {
        guard let code = try code(column, table, required: true) else {
            throw RowReject(column.name, .missingField, "\(column.name) is required and is blank")
        }
        return code
    }
}

extension CodeTable: Sendable where Code: Sendable {}

/// The code tables of the canonical vocabularies, built once.
enum CodeTables {
    static let levelOfCare = CodeTable(LevelOfCare.self)
    static let dischargeReason = CodeTable(DischargeReason.self)
    static let sessionType = CodeTable(SessionType.self)
    static let modality = CodeTable(Modality.self)
    static let sessionStatus = CodeTable(SessionStatus.self)
    static let timepoint = CodeTable(Timepoint.self)
    static let eventType = CodeTable(EventType.self)
}
