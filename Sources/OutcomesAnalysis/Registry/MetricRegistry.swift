import OutcomesCore

/// Every metric definition, in output order, and the look-ups that read them: an identifier's
/// definition, label and family. The one place a metric's prose, unit, kind and members live.
public enum MetricRegistry {
    /// Every definition: census, engagement, fidelity, outcomes (the combined outcome before the
    /// per-instrument patterns, so that `outcomes.combined.*` resolves to its own), goals, relapse.
    public static let all: [MetricDefinition] = census + engagement + fidelity + combined + outcomes + goals + relapse

    /// The definition of an identifier and its slot value ("" for a fixed identifier); nil for an
    /// identifier no family writes.
    public static func resolve(_ id: String) -> (definition: MetricDefinition, slot: String)? {
        for definition in all {
            if let slot = definition.slotValue(of: id) { return (definition, slot) }
        }
        return nil
    }

    /// True when a family writes `id` (given the instruments `isInstrument` accepts): a fixed
    /// identifier, or a pattern whose slot names a known instrument or discharge reason.
    public static func isKnown(_ id: String, isInstrument: (String) -> Bool) -> Bool {
        guard let (definition, slot) = resolve(id) else { return false }
        if definition.slot == "<INSTRUMENT>" { return isInstrument(slot) }
        if definition.slot == "<REASON>" { return DischargeReason(rawValue: slot) != nil }
        return true
    }

    /// The label of an identifier, its slot's subject first ("PHQ-9 recovery", "Discharged: step up").
    public static func label(_ id: String) -> String? {
        guard let (definition, slot) = resolve(id) else { return nil }
        if definition.slot == "<REASON>" { return "\(definition.label) \(slot.replacing("_", with: " "))" }
        return slot.isEmpty ? definition.label : "\(subject(slot)) \(definition.label)"
    }

    /// The definition text of an identifier as a methods appendix prints it, with what its
    /// denominator (or n) counts.
    public static func definitionText(_ id: String) -> String? { resolve(id)?.definition.methodsText }

    /// Each episode's part in the metric `id` of a cohort; nil when the cohort's metric set does
    /// not hold `id`.
    public static func contributions(_ id: String, of cohort: CohortResult) -> [EpisodeContribution]? {
        guard cohort.metrics[id] != nil, let (definition, slot) = resolve(id) else { return nil }
        return definition.contributions(cohort, slot)
    }

    /// How an instrument slot is named in labels.
    static func subject(_ slot: String) -> String { slot == MetricID.combined ? "PHQ-9/GAD-7 combined" : slot }
}
