/// Builds scenes from chart specs: scales, ticks, layout and marks, but no pixels.
public enum Chart {
    /// Lays out `spec` at `size` (points), measuring text with `measurer`.
    public static func build(_ spec: ChartSpec, size: Size, measurer: any TextMeasuring) -> Scene {
        var builder = SceneBuilder(size: size, measurer: measurer)
        switch spec.kind {
        case .spc(let series): builder.buildSPC(series, spec: spec)
        case .line(let data): builder.buildLine(data, spec: spec)
        case .bar(let data): builder.buildBar(data, spec: spec)
        case .dotInterval(let data): builder.buildDotInterval(data, spec: spec)
        case .heatTable(let data): builder.buildHeatTable(data, spec: spec)
        case .kaplanMeier(let data): builder.buildKaplanMeier(data, spec: spec)
        case .goalAttainment(let data): builder.buildGoalAttainment(data, spec: spec)
        case .funnel(let data): builder.buildFunnel(data, spec: spec)
        case .spaghetti(let data): builder.buildSpaghetti(data, spec: spec)
        }
        return builder.scene()
    }

    /// Lays out `spec` at its own size.
    public static func build(_ spec: ChartSpec, measurer: any TextMeasuring) -> Scene {
        build(spec, size: spec.size, measurer: measurer)
    }
}
