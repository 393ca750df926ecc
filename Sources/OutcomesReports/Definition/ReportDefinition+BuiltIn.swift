import Foundation

extension ReportDefinition {
    /// The names of the definitions built into the executable (`accreditation`, `monthly`,
    /// `qi-review`); `Reports/<name>.yaml` are their editable copies.
    public static var builtInNames: [String] { builtInTexts.keys.sorted() }

    /// The definition a `report` argument names, found the same way from any directory:
    /// - a path (it holds `/` or ends in `.yaml` or `.yml`): that file;
    /// - a name, with `folder` given: `<folder>/<name>.yaml`;
    /// - a name without `folder`: the built-in definition of that name, compiled in.
    public static func resolve(_ nameOrPath: String, folder: String?,
                               vocabulary: Vocabulary) throws -> ReportDefinition {
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
        if isPath { return try load(path: nameOrPath, vocabulary: vocabulary) }
        if let folder {
            let path = (folder as NSString).appendingPathComponent("\(nameOrPath).yaml")
            guard FileManager.default.fileExists(atPath: path) else {
                throw ReportDefinitionError(file: path, line: nil, message: "no such report definition")
            }
            return try load(path: path, vocabulary: vocabulary)
        }
        guard let text = builtInTexts[nameOrPath] else {
            let names = builtInNames.joined(separator: ", ")
            throw ReportDefinitionError(
                file: nameOrPath, line: nil,
                message: "no such built-in report; use one of \(names), or the path of a definition FILE.yaml")
        }
        return try parse(text, file: "Reports/\(nameOrPath).yaml (built in)", vocabulary: vocabulary)
    }
}
