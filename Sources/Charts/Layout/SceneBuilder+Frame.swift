/// Title, subtitle and legend above the chart; the note below it.
extension SceneBuilder {
    /// Draws title, subtitle and legend from the top; returns the y where the chart body may start.
    mutating func drawHeader(title: String, subtitle: String, legend: [LegendItem]) -> Double {
        let fit = TextFitting(measurer: measurer)
        let width = size.width - 2 * theme.padding
        var y = theme.padding
        for line in fit.wrap(title, font: theme.titleFont, width: width, maxLines: 2) {
            text(line, at: Point(x: theme.padding, y: y), anchor: TextAnchor(.start, .top), font: theme.titleFont)
            y += lineHeight(theme.titleFont)
        }
        if !subtitle.isEmpty {
            y += theme.gap * 0.5
            for line in fit.wrap(subtitle, font: theme.subtitleFont, width: width, maxLines: 2) {
                text(line, at: Point(x: theme.padding, y: y), anchor: TextAnchor(.start, .top),
                     font: theme.subtitleFont, color: Palette.secondaryInk)
                y += lineHeight(theme.subtitleFont)
            }
        }
        if !legend.isEmpty {
            y += theme.gap * 1.5
            y = drawLegend(legend, top: y, width: width)
        }
        return y + theme.gap * 2.5
    }

    /// Draws legend items left to right, wrapping to new rows; returns the y below the last row.
    private mutating func drawLegend(_ items: [LegendItem], top: Double, width: Double) -> Double {
        let font = theme.legendFont
        let rowHeight = lineHeight(font) + 2
        let fit = TextFitting(measurer: measurer)
        var x = theme.padding
        var y = top
        for item in items {
            let label = fit.truncate(item.label, font: font, width: width * 0.45)
            let symbolWidth = item.symbol.width(compact: theme.isCompact)
            let itemWidth = symbolWidth + 3 + measure(label, font).width
            if x > theme.padding, x + itemWidth > theme.padding + width {
                x = theme.padding
                y += rowHeight
            }
            drawLegendSymbol(item.symbol, x: x, midY: y + rowHeight / 2, width: symbolWidth)
            text(label, at: Point(x: x + symbolWidth + 3, y: y + rowHeight / 2), anchor: TextAnchor(.start, .middle),
                 font: font, color: Palette.ink)
            x += itemWidth + (theme.isCompact ? 7 : 10)
        }
        return y + rowHeight
    }

    private mutating func drawLegendSymbol(_ symbol: LegendItem.Symbol, x: Double, midY: Double, width: Double) {
        switch symbol {
        case .line(let color, let dash, let shape):
            polyline([Point(x: x, y: midY), Point(x: x + width, y: midY)],
                     StrokeStyle(color: color, width: theme.seriesLineWidth, dash: dash))
            if let shape {
                marker(shape, at: Point(x: x + width / 2, y: midY), size: theme.markerSize, fill: color)
            }
        case .swatch(let color):
            add(.rect(Rect(x: x, y: midY - width / 2, width: width, height: width), fill: color, stroke: nil))
        }
    }

    /// Draws the note sentences from the bottom up; returns the y above the note (the body's bottom).
    mutating func drawNotes(_ sentences: [String]) -> Double {
        let bottom = size.height - theme.padding
        metadata.notes = sentences
        guard !sentences.isEmpty else { return bottom }
        let font = theme.noteFont
        let lines = TextFitting(measurer: measurer).wrap(
            sentences.joined(separator: " "), font: font, width: size.width - 2 * theme.padding,
            maxLines: theme.maxNoteLines)
        let height = lineHeight(font)
        var y = bottom - Double(lines.count) * height
        let top = y
        for line in lines {
            text(line, at: Point(x: theme.padding, y: y), anchor: TextAnchor(.start, .top), font: font, color: Palette.secondaryInk)
            y += height
        }
        return top - theme.gap * 2
    }
}
