import OutcomesCore

/// What each LOINC code of the instrument registry is: a panel, an item, a total, or a
/// question asked with instruments but never summed. An instrument is also known by its
/// registry code (`PCL-5`, the code of a panel) and its items by `<code>/<n>` (`PCL-5/3`), for
/// instruments without LOINC codes and those a program adds (the sample export uses them).
struct LOINCIndex {
    enum Role: Equatable {
        case panel(String)
        case item(String, Int)
        case total(String)
        /// Asked with these instruments (the difficulty question follows PHQ-9 and GAD-7).
        case unscored(Set<String>)
    }

    private var roles: [String: Role] = [:]

    init(_ registry: InstrumentRegistry) {
        for code in registry.codes {
            guard let instrument = registry[code] else { continue }
            roles[code] = .panel(code)
            for number in 1...max(1, instrument.itemCount) { roles["\(code)/\(number)"] = .item(code, number) }
            if let panel = instrument.loincPanel { roles[panel] = .panel(code) }
            if let total = instrument.loincTotal { roles[total] = .total(code) }
            for (offset, item) in instrument.loincItems.enumerated() { roles[item] = .item(code, offset + 1) }
            for unscored in instrument.loincUnscored {
                if case .unscored(let others) = roles[unscored] {
                    roles[unscored] = .unscored(others.union([code]))
                } else if roles[unscored] == nil {
                    roles[unscored] = .unscored([code])
                }
            }
        }
    }

    func role(_ code: String?) -> Role? { code.flatMap { roles[$0] } }

    /// The instrument a code belongs to, when it names one.
    func instrument(_ code: String?) -> String? { Self.instrument(of: role(code)) }

    /// The instrument a code of `role` belongs to, when it names one.
    static func instrument(of role: Role?) -> String? {
        switch role {
        case .panel(let instrument), .item(let instrument, _), .total(let instrument): return instrument
        case .unscored(let instruments) where instruments.count == 1: return instruments.first
        default: return nil
        }
    }
}
