import Foundation

/// How category labels along the bottom are shown: which ones, at what angle, and how tall they are.
struct CategoryLabelLayout {
    /// One entry per category; nil where the label is thinned out.
    var labels: [String?]
    /// Rotation in degrees (0 or -45).
    var rotation: Double
    /// Height the labels take below the tick marks.
    var height: Double
}

extension SceneBuilder {
    /// Fits category labels to bands `step` apart: all side by side if they fit, else thinned or rotated.
    func fitCategoryLabels(_ labels: [String], step: Double, fit: CategoryFit, maxHeight: Double) -> CategoryLabelLayout {
        let font = theme.tickFont
        let height = lineHeight(font)
        let pad = theme.isCompact ? 3.0 : 4.0
        let widest = labels.map { measure($0, font).width }.max() ?? 0
        if widest + pad <= step {
            return CategoryLabelLayout(labels: labels, rotation: 0, height: height)
        }
        switch fit {
        case .thin:
            let every = Int(ceil((widest + pad) / max(step, 0.1)))
            return CategoryLabelLayout(labels: Self.thinned(labels, every: every), rotation: 0, height: height)
        case .rotate:
            if let wrapped = wrapInTwoLines(labels, width: step - pad) {
                return CategoryLabelLayout(labels: wrapped, rotation: 0, height: height * 2)
            }
            let s = sin(Double.pi / 4)
            var every = 1
            while step * Double(every) * s < height * 1.2 { every += 1 }
            let maxLength = max(height * 2, (maxHeight - height * s) / s)
            let fitting = TextFitting(measurer: measurer)
            let truncated = labels.map { fitting.truncate($0, font: font, width: maxLength) }
            let longest = truncated.map { measure($0, font).width }.max() ?? 0
            return CategoryLabelLayout(
                labels: Self.thinned(truncated, every: every), rotation: -45, height: (longest + height) * s)
        }
    }

    /// Each label broken at spaces into at most two lines no wider than `width`, or nil if any does not fit.
    private func wrapInTwoLines(_ labels: [String], width: Double) -> [String?]? {
        let fitting = TextFitting(measurer: measurer)
        var wrapped: [String?] = []
        for label in labels {
            let lines = fitting.wrap(label, font: theme.tickFont, width: width)
            guard lines.count <= 2, !lines.contains(where: { $0.hasSuffix(TextFitting.ellipsis) }) else { return nil }
            wrapped.append(lines.joined(separator: "\n"))
        }
        return wrapped
    }

    /// Keeps every `every`-th label, counting back from the last (the newest month stays labelled).
    static func thinned(_ labels: [String], every: Int) -> [String?] {
        guard every > 1 else { return labels }
        let last = labels.count - 1
        return labels.enumerated().map { i, label in (last - i) % every == 0 ? label : nil }
    }
}
