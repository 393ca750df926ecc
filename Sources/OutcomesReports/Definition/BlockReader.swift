import OutcomesCore
import Yams

/// Reads sections and their blocks, checking every name against the vocabulary.
struct BlockReader {
    let file: String
    let vocabulary: ReportDefinition.Vocabulary
    let audience: ReportDefinition.Audience
    /// The definition's process changes, applied to every spc chart.
    var changes: [ProcessChange] = []

    func section(_ node: Node) throws -> ReportSection {
        let fields = try YAMLFields(node, file: file, what: "a section")
        try fields.allowOnly(["title", "new_page", "blocks"])
        let blocks = try fields.sequence("blocks") ?? []
        return ReportSection(
            title: try fields.requiredString("title"),
            blocks: try blocks.map(block),
            newPage: try fields.bool("new_page") ?? false)
    }

    func block(_ node: Node) throws -> ReportBlock {
        let fields = try YAMLFields(node, file: file, what: "a block")
        try fields.allowOnly(["text", "headline", "metrics", "chart", "table"])
        if let text = try fields.string("text") { return .text(text) }
        if let items = try fields.sequence("headline") { return .headline(try items.map(headline)) }
        if let items = try fields.sequence("metrics") {
            return .metrics(try items.map { item in
                guard let id = item.string else { throw fields.error("a metric must be an identifier", at: item) }
                try checkMetric(id, at: item, fields)
                return id
            })
        }
        if let chart = fields.value("chart") { return .chart(try self.chart(chart)) }
        if let table = fields.value("table") { return .table(try self.table(table)) }
        throw fields.error("a block needs one of: text, headline, metrics, chart, table")
    }

    private func headline(_ node: Node) throws -> HeadlineMetric {
        let fields = try YAMLFields(node, file: file, what: "a headline metric")
        try fields.allowOnly(["metric", "label", "target", "better"])
        let metric = try fields.requiredString("metric")
        try checkMetric(metric, at: fields.value("metric"), fields)
        let better = try fields.string("better") ?? "higher"
        guard better == "higher" || better == "lower" else {
            throw fields.error("'better' must be higher or lower", at: fields.value("better"))
        }
        return HeadlineMetric(metric: metric, label: try fields.string("label"), target: try fields.double("target"),
                              higherIsBetter: better == "higher")
    }

    private func chart(_ node: Node) throws -> ChartRequest {
        let fields = try YAMLFields(node, file: file, what: "a chart")
        try fields.allowOnly(Set(["kind", "metric", "instrument", "by", "target", "width"]).union(Self.adjustmentKeys))
        guard let kind = try fields.code("kind", as: ReportChartKind.self) else { throw fields.error("a chart needs a 'kind'") }
        if kind == .trajectories, audience == .external {
            throw fields.error("individual trajectories are for internal reports only", at: fields.value("kind"))
        }
        let metric = try fields.string("metric")
        if let metric { try checkMetric(metric, at: fields.value("metric"), fields) }
        let width = try fields.string("width") ?? "full"
        guard width == "full" || width == "half" else { throw fields.error("'width' must be full or half", at: fields.value("width")) }
        let by = try fields.string("by") == StaffFunnel.dimension
            ? try staff(fields, kind: kind, metric: metric) : try dimension(fields)
        return ChartRequest(kind: kind, metric: metric, instrument: try instrument(fields), by: by,
                            target: try fields.double("target"), fullWidth: width == "full",
                            adjustments: try adjustments(fields, kind: kind))
    }

    private func table(_ node: Node) throws -> TableRequest {
        let fields = try YAMLFields(node, file: file, what: "a table")
        try fields.allowOnly(["kind", "instrument", "by", "max_rows"])
        guard let kind = try fields.code("kind", as: ReportTableKind.self) else { throw fields.error("a table needs a 'kind'") }
        if kind == .watchList, audience == .external {
            throw fields.error("the watch list names episodes: only internal reports may show it", at: fields.value("kind"))
        }
        if kind != .watchList, let node = fields.value("max_rows") {
            throw fields.error("'max_rows' is for the watch list", at: node)
        }
        return TableRequest(kind: kind, instrument: try instrument(fields), by: try dimension(fields),
                            maxRows: try fields.int("max_rows", within: 1...100_000))
    }

    private func instrument(_ fields: YAMLFields) throws -> String? {
        guard let code = try fields.string("instrument") else { return nil }
        guard vocabulary.isKnownInstrument(code) else {
            throw fields.error("unknown instrument \(MessageText.quoted(code))", at: fields.value("instrument"))
        }
        return code
    }

    /// `by: staff`: a funnel of attendance or no-show rate by clinician, in an internal report.
    private func staff(_ fields: YAMLFields, kind: ReportChartKind, metric: String?) throws -> String {
        let node = fields.value("by")
        guard kind == .funnel, let metric, StaffFunnel.metrics.contains(metric) else {
            let metrics = StaffFunnel.metrics.joined(separator: " or ")
            throw fields.error("'by: staff' is for a funnel of \(metrics)", at: node)
        }
        guard audience == .internal else {
            throw fields.error("a funnel by staff names clinicians: only internal reports may show it", at: node)
        }
        return StaffFunnel.dimension
    }

    private func dimension(_ fields: YAMLFields) throws -> String? {
        guard let by = try fields.string("by") else { return nil }
        guard vocabulary.cohortDimensions.contains(by) else {
            let dimensions = vocabulary.cohortDimensions.sorted().joined(separator: ", ")
            throw fields.error("unknown cohort dimension \(MessageText.quoted(by)); expected one of: \(dimensions)",
                               at: fields.value("by"))
        }
        return by
    }

    private func checkMetric(_ id: String, at node: Node?, _ fields: YAMLFields) throws {
        guard vocabulary.isKnownMetric(id) else {
            throw fields.error("unknown metric \(MessageText.quoted(id))", at: node)
        }
    }
}
