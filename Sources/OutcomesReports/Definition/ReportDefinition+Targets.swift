extension ReportDefinition {
    /// The definition with a program's targets (metric identifier -> target) replacing those its
    /// headlines and charts set for the same metrics.
    public func replacingTargets(_ targets: [String: Double]) -> ReportDefinition {
        guard !targets.isEmpty else { return self }
        var copy = self
        copy.sections = sections.map { section in
            var section = section
            section.blocks = section.blocks.map { block in
                switch block {
                case .headline(let items):
                    return .headline(items.map { item in
                        var item = item
                        item.target = targets[item.metric] ?? item.target
                        return item
                    })
                case .chart(var chart):
                    if let metric = chart.metric, let target = targets[metric] { chart.target = target }
                    return .chart(chart)
                default: return block
                }
            }
            return section
        }
        return copy
    }
}
