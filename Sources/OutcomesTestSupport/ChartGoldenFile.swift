import Foundation

/// Compares text with a golden file kept beside the tests; `RECORD_GOLDEN=1` rewrites it.
///
/// Golden files live in `Tests/Golden/<test target>/`, outside the target folder, so SwiftPM
/// does not ask for them to be declared as resources.
public enum ChartGoldenFile {
    public enum Outcome: Equatable {
        case matches
        case recorded
        case missing(path: String)
        case differs(path: String, firstDifferentLine: Int)
    }

    /// Checks `text` against `Tests/Golden/<target>/<name>.txt`, where `testFile` (pass `#filePath`) is in `Tests/<target>/`.
    public static func check(_ text: String, name: String, testFile: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> Outcome {
        let target = URL(fileURLWithPath: testFile).deletingLastPathComponent()
        let directory = target.deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(target.lastPathComponent)
        let url = directory.appendingPathComponent("\(name).txt")
        if environment["RECORD_GOLDEN"] == "1" {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                return .recorded
            } catch {
                return .missing(path: url.path)
            }
        }
        guard let golden = try? String(contentsOf: url, encoding: .utf8) else { return .missing(path: url.path) }
        guard golden != text else { return .matches }
        let expected = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let actual = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expected.count, actual.count)
        return .differs(path: url.path, firstDifferentLine: line + 1)
    }
}
