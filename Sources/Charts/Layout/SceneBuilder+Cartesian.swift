import Foundation

/// Lays out a plot with a bottom and a left axis, leaving room for every label.
extension SceneBuilder {
    /// Measures the axes' labels, fixes the plot rectangle inside `body`, and draws grid, axes, labels and titles.
    mutating func layoutCartesian(x: AxisModel, y: AxisModel, body: Rect, options: CartesianOptions = CartesianOptions()) -> CartesianPlot {
        let tickHeight = lineHeight(theme.tickFont)
        let titleHeight = lineHeight(theme.axisTitleFont)
        let xTitleSpace = x.title.isEmpty ? 0 : titleHeight + theme.gap
        let labelGap = theme.tickLength + theme.gap * 0.7
        let roughBottom = body.maxY - options.bottomReserve - xTitleSpace - tickHeight - labelGap
        let (yTitleLines, titleAbove) = placeYTitle(y.title, body: body, height: roughBottom - body.minY)
        let top = body.minY + tickHeight / 2 + titleAbove
        let yTitleSpace = yTitleLines.isEmpty ? 0 : Double(yTitleLines.count) * titleHeight + theme.gap * 1.5

        // Left axis: ticks or category labels, and the width they need.
        let (yTicks, yLabels) = leftAxisLabels(y, plotHeight: roughBottom - top, body: body)
        let yLabelWidth = max(options.leftLabelMinWidth - yTitleSpace,
                              yLabels.compactMap { $0.map { measure($0, theme.tickFont).width } }.max() ?? 0)
        let plotMinX = body.minX + yTitleSpace + yLabelWidth + theme.gap * 1.2

        // Bottom axis: ticks or category labels, and the height they need.
        var plotMaxX = body.maxX - options.rightInset
        var xTicks: AxisTicks?
        var xCategories = CategoryLabelLayout(labels: [], rotation: 0, height: tickHeight)
        switch x {
        case .linear(let spec, let data):
            xTicks = fitLinearTicks(spec, data: data, width: plotMaxX - plotMinX)
        case .fixed(let spec, let ticks, let domain):
            xTicks = AxisTicks.fixed(spec, ticks: ticks, domain: domain)
        case .categories(_, let labels, let fit):
            let fitted = fitBottomCategories(labels, fit: fit, from: plotMinX, to: plotMaxX, limit: body.maxX, maxHeight: body.height * 0.3)
            xCategories = fitted.layout
            plotMaxX = fitted.plotMaxX
        }
        if let xTicks, let last = xTicks.labels.last ?? nil, xTicks.values.last == xTicks.domain.upperBound {
            plotMaxX = min(plotMaxX, body.maxX - measure(last, theme.tickFont).width / 2)
        }
        let plotMaxY = body.maxY - options.bottomReserve - xTitleSpace - xCategories.height - labelGap
        let plot = Rect(x: plotMinX, y: top, width: max(1, plotMaxX - plotMinX), height: max(1, plotMaxY - top))
        metadata.plotArea = plot

        let xScale = makeScale(x, ticks: xTicks, start: plot.minX, end: plot.maxX)
        // Numbers grow upwards; categories read from the top down.
        let yScale = yTicks == nil
            ? makeScale(y, ticks: nil, start: plot.minY, end: plot.maxY)
            : makeScale(y, ticks: yTicks, start: plot.maxY, end: plot.minY)
        let layout = CartesianPlot(
            plot: plot, x: xScale, y: yScale,
            below: Rect(x: body.minX, y: body.maxY - options.bottomReserve, width: body.width, height: options.bottomReserve),
            bodyMinX: body.minX)

        drawLeftAxis(y, ticks: yTicks, labels: yLabels, layout: layout, options: options)
        drawBottomAxis(x, ticks: xTicks, categories: xCategories, layout: layout, options: options, labelGap: labelGap)
        drawAxisTitles(x: x.title, y: yTitleLines, layout: layout, body: body, xTitleTop: plot.maxY + labelGap + xCategories.height + theme.gap)
        return layout
    }

    /// Wraps the y title to stand beside the plot; one too long for that goes above the plot instead,
    /// reading left to right. Returns the lines to stand beside it and the height taken above.
    private mutating func placeYTitle(_ title: String, body: Rect, height: Double) -> (lines: [String], above: Double) {
        guard !title.isEmpty else { return ([], 0) }
        let fit = TextFitting(measurer: measurer)
        let lines = fit.wrap(title, font: theme.axisTitleFont, width: height, maxLines: 2)
        guard lines.contains(where: { $0.hasSuffix(TextFitting.ellipsis) }) else { return (lines, 0) }
        text(fit.truncate(title, font: theme.axisTitleFont, width: body.width), at: Point(x: body.minX, y: body.minY),
             anchor: TextAnchor(.start, .top), font: theme.axisTitleFont, color: Palette.secondaryInk)
        return ([], lineHeight(theme.axisTitleFont) + theme.gap)
    }

    /// The most of the chart's width a left category label takes before it is truncated: enough
    /// for "eating-disorders (n = 1,234)" at half width (a network's counts have four or five
    /// digits; at 0.34 every track's label was cut).
    static let categoryLabelShare = 0.42

    /// Ticks and their labels for the left axis, or truncated category labels.
    private func leftAxisLabels(_ model: AxisModel, plotHeight: Double, body: Rect) -> (AxisTicks?, [String?]) {
        switch model {
        case .linear(let spec, let data):
            let count = min(8, max(3, Int(plotHeight / (lineHeight(theme.tickFont) * 2.2)) + 1))
            let ticks = AxisTicks.nice(spec, data: data, maxCount: count)
            return (ticks, ticks.labels)
        case .fixed(let spec, let values, let domain):
            let ticks = AxisTicks.fixed(spec, ticks: values, domain: domain)
            return (ticks, ticks.labels)
        case .categories(_, let labels, _):
            let fit = TextFitting(measurer: measurer)
            let width = body.width * Self.categoryLabelShare
            return (nil, labels.map { fit.truncate($0, font: theme.tickFont, width: width) })
        }
    }

    /// Fits category labels along the bottom, pulling the plot's right edge in when the last label would stick out.
    private func fitBottomCategories(
        _ labels: [String], fit: CategoryFit, from minX: Double, to maxX: Double, limit: Double, maxHeight: Double
    ) -> (layout: CategoryLabelLayout, plotMaxX: Double) {
        var plotMaxX = maxX
        var layout = CategoryLabelLayout(labels: [], rotation: 0, height: 0)
        for _ in 0..<3 {
            let step = (plotMaxX - minX) / Double(max(labels.count, 1))
            layout = fitCategoryLabels(labels, step: step, fit: fit, maxHeight: maxHeight)
            guard layout.rotation == 0, let last = layout.labels.lastIndex(where: { $0 != nil }), let label = layout.labels[last] else { break }
            let width = label.split(separator: "\n").map { measure(String($0), theme.tickFont).width }.max() ?? 0
            let overflow = minX + (Double(last) + 0.5) * step + width / 2 - limit
            guard overflow > 0.01 else { break }
            plotMaxX -= overflow
        }
        return (layout, plotMaxX)
    }

    /// Nice ticks for a bottom axis, as many as fit without their labels touching.
    private func fitLinearTicks(_ spec: AxisSpec, data: ClosedRange<Double>?, width: Double) -> AxisTicks {
        var count = min(10, max(2, Int(width / (theme.isCompact ? 34 : 42)) + 1))
        while true {
            let ticks = AxisTicks.nice(spec, data: data, maxCount: count)
            let widest = ticks.labels.compactMap { $0.map { measure($0, theme.tickFont).width } }.max() ?? 0
            let span = ticks.domain.upperBound - ticks.domain.lowerBound
            let spacing = ticks.values.count > 1 && span > 0 ? width * (ticks.values[1] - ticks.values[0]) / span : width
            if widest + 8 <= spacing || count <= 2 { return ticks }
            count -= 1
        }
    }

    private func makeScale(_ model: AxisModel, ticks: AxisTicks?, start: Double, end: Double) -> PlotScale {
        switch model {
        case .categories(_, let labels, _):
            return .band(BandScale(count: labels.count, start: start, end: end))
        case .linear, .fixed:
            return .linear(LinearScale(domain: ticks?.domain ?? 0...1, start: start, end: end))
        }
    }
}
