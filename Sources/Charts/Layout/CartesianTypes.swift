/// An axis to lay out: numbers with clean ticks, given ticks, or categories.
enum AxisModel {
    /// Nice ticks over the data range (merged with the spec's fixed domain and zero rule).
    case linear(AxisSpec, data: ClosedRange<Double>?)
    /// Exactly these ticks over this domain (e.g. the times of a risk table).
    case fixed(AxisSpec, ticks: [Double], domain: ClosedRange<Double>)
    /// One band per label.
    case categories(title: String, labels: [String], fit: CategoryFit)

    var title: String {
        switch self {
        case .linear(let spec, _), .fixed(let spec, _, _): return spec.label
        case .categories(let title, _, _): return title
        }
    }
}

/// What to do with category labels that do not fit side by side.
enum CategoryFit {
    /// Label every k-th category (time series: months).
    case thin
    /// Rotate 45°, truncating with an ellipsis, then thin if still too dense (nominal categories).
    case rotate
}

/// A laid-out axis scale: numbers or bands.
enum PlotScale {
    case linear(LinearScale)
    case band(BandScale)

    /// Scene coordinate of a value (a category index on a band scale).
    func position(_ value: Double) -> Double {
        switch self {
        case .linear(let scale): return scale.position(value)
        case .band(let scale): return scale.position(value)
        }
    }

    /// Width of a band (0 on a numeric scale).
    var bandwidth: Double {
        if case .band(let scale) = self { return scale.bandwidth }
        return 0
    }
}

/// Extra room a chart asks of the Cartesian layout.
struct CartesianOptions {
    /// Height kept free under the x-axis title (a risk table).
    var bottomReserve: Double = 0
    /// Width kept free right of the plot (end labels).
    var rightInset: Double = 0
    /// Vertical grid lines at numeric x ticks.
    var verticalGrid: Bool = false
    /// Horizontal grid lines at numeric y ticks.
    var horizontalGrid: Bool = true
    /// Axis lines along the value axes (off for tables drawn on two category axes).
    var axisLines: Bool = true
    /// Width kept for labels left of the plot even when tick labels are narrower (risk-table row names).
    var leftLabelMinWidth: Double = 0
}

/// The plot rectangle and its scales, after axes are drawn.
struct CartesianPlot {
    var plot: Rect
    var x: PlotScale
    var y: PlotScale
    /// The strip under the x-axis title kept by `bottomReserve`, as wide as the body.
    var below: Rect
    /// Left edge of the body (where a risk table's row labels start).
    var bodyMinX: Double

    func point(_ x: Double, _ y: Double) -> Point {
        Point(x: self.x.position(x), y: self.y.position(y))
    }
}
