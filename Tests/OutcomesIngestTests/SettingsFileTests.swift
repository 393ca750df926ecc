import Foundation
import OutcomesCore
import Testing
@testable import OutcomesIngest

@Suite("Program settings files")
struct SettingsFileTests {
    /// `Docs/settings-example.yaml`.
    static var examplePath: String { TestFiles.documentation("settings-example.yaml") }

    @Test func loadsTheDocumentedExample() throws {
        let settings = try SettingsFile.load(path: Self.examplePath)
        #expect(settings.dose == ProgramSettings.Dose(adultHours: 9, adolescentHours: 6))
        #expect(settings.doseByProgram == ["adolescent": .init(adolescentHours: 6), "sud": .init(adultHours: 9)])
        #expect(settings.substanceUsePrograms == ["sud", "dual-diagnosis"])
        #expect(settings.gasRho == 0.3)
        #expect(settings.targets.map(\.metric) == ["engagement.attendance_rate", "outcomes.PHQ-9.reliable_improvement_rate"])
        #expect(settings.targets.map(\.value) == [0.85, 0.5])
    }

    @Test("every key is optional; weight of rho 0 is allowed")
    func partialFile() throws {
        let settings = try SettingsFile.load(path: TestFiles.write("gas_rho: 0\n", suffix: ".yaml"))
        #expect(settings == ProgramSettings(gasRho: 0))
    }

    @Test("errors name the file and the line", arguments: [
        ("gas_rho: 0.3\ndose_minimun: {adults: 9}\n", "s.yaml:2: unknown key 'dose_minimun' in the settings file; allowed: dose_minimum, gas_rho, programs, substance_use_programs, targets"),
        ("gas_rho: 1\n", "s.yaml:1: gas_rho must be at least 0 and below 1, not 1.0"),
        ("dose_minimum:\n  adults: 9\n  under_18: 0\n", "s.yaml:3: under_18 of dose_minimum must be more than 0 and at most 168 hours, not 0.0"),
        ("programs:\n  sud: {dose: 3}\n", "s.yaml:2: unknown key 'dose' in program sud; allowed: dose_minimum"),
        ("substance_use_programs: []\n", "s.yaml:1: substance_use_programs must name at least one program"),
        ("gas_rho: high\n", "s.yaml:1: gas_rho must be a number"),
    ])
    func errors(text: String, message: String) throws {
        let path = try TestFiles.write(text, suffix: ".yaml")
        #expect(throws: IngestFileError.self) { try SettingsFile.load(path: path, displayName: "s.yaml") }
        do {
            _ = try SettingsFile.load(path: path, displayName: "s.yaml")
        } catch let error as IngestFileError {
            #expect(error.description == message)
        }
    }
}
