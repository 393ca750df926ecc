/// A chart as laid out: a flat list of primitives in points, plus what they mean.
///
/// `Chart.build` makes scenes; `CairoRenderer` only paints them.
public struct Scene: Equatable, Hashable, Sendable {
    public var size: Size
    public var primitives: [Primitive]
    public var metadata: SceneMetadata

    public init(size: Size, primitives: [Primitive] = [], metadata: SceneMetadata = SceneMetadata()) {
        self.size = size
        self.primitives = primitives
        self.metadata = metadata
    }

    /// Every text run, in drawing order.
    public var textRuns: [TextRun] {
        primitives.compactMap { primitive in
            if case .text(let run) = primitive { return run }
            return nil
        }
    }
}
