import OutcomesCore

/// Instrument definitions from a YAML file, so that a program can add or override instruments
/// without recompiling (SPEC section 4). `Docs/instruments-example.yaml` is a worked example.
///
/// Schema (errors name the file and the line; `InstrumentCheck` lists the rules):
/// ```yaml
/// instruments:
///   - code: K10                          # registry code; an existing code overrides that instrument
///     name: Kessler Psychological Distress Scale
///     decimals: 0                        # decimal places of responses and totals, 0 to 3 (ORS: 1)
///     items:
///       count: 10
///       range: [1, 5]                    # allowed responses of every item, both ends included
///       step: 1                          # optional: one unit of `decimals` by default (0.1 for 1)
///       values: {9: [0, 2, 4]}           # optional: item number -> its allowed responses (at most 100)
///     reverse_scored: [2, 3]             # item numbers scored max + min - response
///     total_range: [10, 50]
///     direction: higher_is_worse         # or higher_is_better
///     reporting_factor: 1                # reporting scale = raw total x factor (WHO-5: 4)
///     bands: [{label: low, from: 10, to: 15}, {label: high, from: 16, to: 50}]
///     caseness: 20                       # case at or beyond this reporting-scale score
///     reliable_change: {points: 6, source: "where the threshold comes from"}
///     reliability: 0.9                   # for Jacobson-Truax
///     missing_items: {rule: prorate, max_missing: 1}   # or {rule: strict}
///     response_fraction: 0.5
///     remission_below: 5
///     loinc: {panel: "00000-0", total: "00000-0"}   # FHIR and long exports find the instrument by these
///       # also: items: [one code per item, in order], answers: {LA-code: points}, unscored: [codes never summed]
/// ```
/// A new instrument needs `code`, `name`, `items` and `total_range`. An entry whose code is
/// already in the base registry starts from that instrument and changes only the keys it
/// gives (for example `{code: GAD-7, missing_items: {rule: strict}}`).
public enum InstrumentFile {
    /// Loads the instruments of `path`, in file order, completing overrides from `base`.
    public static func load(path: String, displayName: String? = nil, base: InstrumentRegistry = .builtIn) throws -> [Instrument] {
        let document = try YAMLDocument(path: path, displayName: displayName ?? path)
        let top = try document.mapping(document.root, "the instrument file", allowed: ["instruments"])
        guard let list = top.first?.value else {
            throw IngestFileError(file: document.fileName, line: document.root.mark?.line, message: "the file has no 'instruments' list")
        }
        var seen: Set<String> = []
        return try document.sequence(list, "instruments").map { node in
            let instrument = try InstrumentParser(document: document, base: base).parse(node)
            guard seen.insert(instrument.code).inserted else {
                throw document.error(node, "instrument \(instrument.code) is defined twice")
            }
            return instrument
        }
    }

    /// The built-in registry with the instruments of `path` added or overriding.
    public static func registry(path: String, displayName: String? = nil) throws -> InstrumentRegistry {
        var registry = InstrumentRegistry.builtIn
        registry.register(try load(path: path, displayName: displayName))
        return registry
    }
}
