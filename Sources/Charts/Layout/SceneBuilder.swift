import Foundation

/// Collects primitives and metadata while a chart is laid out, measuring text as it goes.
struct SceneBuilder {
    let measurer: any TextMeasuring
    let theme: ChartTheme
    private(set) var primitives: [Primitive] = []
    var metadata = SceneMetadata()

    init(size: Size, measurer: any TextMeasuring) {
        self.measurer = measurer
        self.theme = ChartTheme(size: size)
    }

    var size: Size { theme.size }

    func measure(_ text: String, _ font: ChartFont) -> TextMetrics {
        measurer.measure(text, font: font)
    }

    /// Height of one line of `font`.
    func lineHeight(_ font: ChartFont) -> Double {
        measurer.measure("Hg", font: font).height
    }

    mutating func add(_ primitive: Primitive) {
        primitives.append(primitive)
    }

    mutating func mark(_ mark: SemanticMark) {
        metadata.marks.append(mark)
    }

    mutating func polyline(_ points: [Point], _ style: StrokeStyle) {
        guard points.count > 1 else { return }
        primitives.append(.polyline(points, style))
    }

    mutating func marker(_ shape: MarkerShape, at center: Point, size: Double, fill: ChartColor?, stroke: StrokeStyle? = nil) {
        primitives.append(.marker(Marker(shape: shape, center: center, size: size, fill: fill, stroke: stroke)))
    }

    /// Draws one line of text and records its box.
    @discardableResult
    mutating func text(
        _ text: String, at position: Point, anchor: TextAnchor, font: ChartFont,
        color: ChartColor = Palette.ink, rotation: Double = 0
    ) -> LabelBox {
        let run = TextRun(text: text, position: position, anchor: anchor, font: font, color: color, rotation: rotation)
        let box = labelBox(for: run)
        primitives.append(.text(run))
        metadata.labels.append(box)
        return box
    }

    /// Draws a label at the first candidate position whose box overlaps no earlier label or obstacle
    /// and stays inside `bounds`, and returns that position. When none is free, draws at the first
    /// candidate if `always` is set, else draws nothing and returns nil. A `backdrop` lays a
    /// translucent white box under the text so lines behind it do not cut through the letters.
    @discardableResult
    mutating func placeLabel(
        _ text: String, candidates: [(Point, TextAnchor)], font: ChartFont, color: ChartColor = Palette.ink,
        within bounds: Rect, avoiding obstacles: [Rect] = [], always: Bool = false, backdrop: Bool = false
    ) -> Point? {
        for (position, anchor) in candidates {
            let run = TextRun(text: text, position: position, anchor: anchor, font: font, color: color)
            let box = Self.boundingRect(labelBox(for: run).corners)
            let clear = metadata.labels.allSatisfy { !Self.boundingRect($0.corners).intersects(box) }
                && obstacles.allSatisfy { !$0.intersects(box) }
            if clear, bounds.contains(Point(x: box.minX, y: box.minY)), bounds.contains(Point(x: box.maxX, y: box.maxY)) {
                if backdrop { add(.rect(box.insetBy(dx: -1, dy: 0), fill: ChartColor.white.withAlpha(0.85), stroke: nil)) }
                self.text(text, at: position, anchor: anchor, font: font, color: color)
                return position
            }
        }
        guard always, let (position, anchor) = candidates.first else { return nil }
        self.text(text, at: position, anchor: anchor, font: font, color: color)
        return position
    }

    /// The four corners a run covers, rotated about its anchor.
    func labelBox(for run: TextRun) -> LabelBox {
        let m = measure(run.text, run.font)
        let offset = run.anchor.offset(for: m)
        let (dx, dy) = (offset.x, offset.y)
        let angle = run.rotation * .pi / 180
        let (c, s) = (cos(angle), sin(angle))
        let local = [(dx, dy), (dx + m.width, dy), (dx + m.width, dy + m.height), (dx, dy + m.height)]
        let corners = local.map { x, y in
            Point(x: run.position.x + x * c - y * s, y: run.position.y + x * s + y * c)
        }
        return LabelBox(text: run.text, corners: corners)
    }

    /// The smallest axis-aligned rectangle around `points`.
    static func boundingRect(_ points: [Point]) -> Rect {
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        let minX = xs.min() ?? 0
        let minY = ys.min() ?? 0
        return Rect(x: minX, y: minY, width: (xs.max() ?? 0) - minX, height: (ys.max() ?? 0) - minY)
    }

    func scene() -> Scene {
        Scene(size: size, primitives: primitives, metadata: metadata)
    }
}
