import OutcomesCore
import Yams

extension YAMLDocument {
    /// An exact decimal (`20.3`, `-5`), never read through `Double`: at most
    /// `Score.maxDecimals` decimal places, within +/- `Score.limit`.
    func score(_ node: Node, _ what: String) throws -> Score {
        guard case .scalar(let scalar) = node, let value = Score(scalar.string) else {
            throw error(node, "\(what) must be a number with at most \(Score.maxDecimals) decimal places, "
                        + "from -\(Score.limit) to \(Score.limit)")
        }
        return value
    }

    /// A list of exact decimals.
    func scoreList(_ node: Node, _ what: String) throws -> [Score] {
        try sequence(node, what).map { try score($0, "an entry of \(what)") }
    }
}
