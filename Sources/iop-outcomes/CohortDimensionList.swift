import ArgumentParser
import OutcomesAnalysis

/// `--by DIM,...` as commands take it.
enum CohortDimensionList {
    /// The dimensions of a comma-separated list; an unknown name is a usage error listing the known ones.
    static func parse(_ text: String) throws -> [CohortDimension] {
        let parsed = CohortDimension.parse(list: text)
        guard parsed.unknown.isEmpty else {
            throw ValidationError("unknown cohort dimension '\(parsed.unknown.joined(separator: "', '"))'; expected: "
                                  + CohortDimension.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return parsed.dimensions
    }
}
