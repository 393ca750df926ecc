import OutcomesCore
import Yams

/// A program settings file (`--settings FILE.yaml`), checked in full before use: every error names
/// the file and the line. `Docs/settings-example.yaml` is a worked example.
///
/// ```yaml
/// dose_minimum: {adults: 9, under_18: 6}       # weekly service hours of an adequate dose
/// programs:                                    # per-program dose minimums
///   sud: {dose_minimum: {adults: 9, under_18: 6}}
/// substance_use_programs: [sud, dual-diagnosis]   # the programs of the return-to-use indicator
/// gas_rho: 0.3                                 # Kiresuk-Sherman rho, 0 <= rho < 1
/// targets: {engagement.attendance_rate: 0.85}  # replace the report definitions' targets
/// ```
public enum SettingsFile {
    /// Most hours a week holds: a dose minimum above it could never be met.
    static let hoursInAWeek = 168.0

    /// The settings of `path`; every key is optional.
    public static func load(path: String, displayName: String? = nil) throws -> ProgramSettings {
        let document = try YAMLDocument(path: path, displayName: displayName ?? path)
        var settings = ProgramSettings()
        let keys: Set<String> = ["dose_minimum", "programs", "substance_use_programs", "gas_rho", "targets"]
        for entry in try document.mapping(document.root, "the settings file", allowed: keys) {
            switch entry.key {
            case "dose_minimum": settings.dose = try dose(entry.value, "dose_minimum", document)
            case "programs":
                for program in try document.mapping(entry.value, "programs") {
                    let fields = try document.mapping(program.value, "program \(program.key)", allowed: ["dose_minimum"])
                    guard let node = fields.first?.value else { throw document.error(program.value, "program \(program.key) sets nothing") }
                    settings.doseByProgram[program.key] = try dose(node, "the dose_minimum of \(program.key)", document)
                }
            case "substance_use_programs":
                let list = try document.sequence(entry.value, "substance_use_programs").map {
                    try document.string($0, "an entry of substance_use_programs")
                }
                guard !list.isEmpty else { throw document.error(entry.value, "substance_use_programs must name at least one program") }
                settings.substanceUsePrograms = Set(list)
            case "targets":
                settings.targets = try document.mapping(entry.value, "targets").map { target in
                    let value = try document.double(target.value, "the target of \(target.key)")
                    guard value.isFinite else { throw document.error(target.value, "the target of \(target.key) must be a finite number") }
                    return ProgramSettings.Target(metric: target.key, value: value, line: target.keyNode.mark?.line)
                }
            default:
                let rho = try document.double(entry.value, "gas_rho")
                guard rho >= 0, rho < 1 else { throw document.error(entry.value, "gas_rho must be at least 0 and below 1, not \(rho)") }
                settings.gasRho = rho
            }
        }
        return settings
    }

    /// `{adults: H, under_18: H}`, each optional, each more than 0 and at most 168 hours.
    private static func dose(_ node: Node, _ what: String, _ document: YAMLDocument) throws -> ProgramSettings.Dose {
        var dose = ProgramSettings.Dose()
        for field in try document.mapping(node, what, allowed: ["adults", "under_18"]) {
            let hours = try document.double(field.value, "\(field.key) of \(what)")
            guard hours > 0, hours <= hoursInAWeek else {
                throw document.error(field.value, "\(field.key) of \(what) must be more than 0 and at most 168 hours, not \(hours)")
            }
            if field.key == "adults" { dose.adultHours = hours } else { dose.adolescentHours = hours }
        }
        return dose
    }
}
