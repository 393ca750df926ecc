import Charts
import OutcomesAnalysis

/// Walks a definition's sections and blocks into layout items, building every chart's scene.
struct ContentBuilder {
    let definition: ReportDefinition
    let inputs: ReportInputs
    let measurer: any TextMeasuring
    let setup: PageSetup
    /// The audience's small-cell rules, with the report's one disclosure decision.
    let privacy: Privacy
    /// Section titles and pages, for the table of contents (pages unknown on the first pass).
    var contents: [(String, Int)] = []
    var items: [LayoutItem] = []
    var charts: [(name: String, scene: Scene)] = []
    var containsPHI = false
    var hasContentsTable = false
    private var pendingHalf: Scene?

    init(definition: ReportDefinition, inputs: ReportInputs, measurer: any TextMeasuring, setup: PageSetup, privacy: Privacy) {
        self.definition = definition
        self.inputs = inputs
        self.measurer = measurer
        self.setup = setup
        self.privacy = privacy
    }

    var external: Bool { definition.audience == .external }

    mutating func build() {
        let period = Format.period(inputs.period)
        let audience = external
            ? "For external review. De-identified: no patient identifiers; counts of 1 to 10 are shown as <11, and figures "
                + "withheld so that such a count cannot be worked out from this document as suppressed."
            : "Internal: for program leadership."
        if definition.cover {
            items.append(.cover(title: definition.title, lines: [inputs.programName, period, "Prepared \(inputs.generatedOn)"],
                                note: audience))
        } else {
            items.append(.titleBlock(title: definition.title, lines: ["\(inputs.programName) · \(period)", audience]))
        }
        for (index, section) in definition.sections.enumerated() {
            flushHalf()
            if section.newPage, index > 0 { items.append(.pageBreak) }
            items.append(.anchor(section.title))
            items.append(.heading(section.title, level: 1))
            for block in section.blocks { add(block) }
        }
        flushHalf()
        // An external report without a methods appendix still says what its small-count rules guarantee
        let hasDefinitions = definition.sections.flatMap(\.blocks).contains { if case .table(let t) = $0 { t.kind == .definitions } else { false } }
        if external && !hasDefinitions { items += TableFactory.disclosureStatement }
    }

    private mutating func add(_ block: ReportBlock) {
        if case .chart = block {} else { flushHalf() }
        switch block {
        case .text(let text): items.append(.paragraph(substitute(text), small: false))
        case .headline(let metrics): items.append(.table(HeadlineTable(inputs: inputs, privacy: privacy).table(metrics)))
        case .metrics(let ids): items.append(.table(MetricsTable(inputs: inputs, privacy: privacy).table(ids)))
        case .chart(let request): addChart(request)
        case .table(let request):
            if request.kind == .watchList { containsPHI = !external }
            if request.kind == .contents { hasContentsTable = true }
            items += TableFactory(inputs: inputs, privacy: privacy, definition: definition, contents: contents).items(for: request)
        }
    }

    private func substitute(_ text: String) -> String {
        text.replacingOccurrences(of: "{program_description}", with: definition.description ?? "")
            .replacingOccurrences(of: "{program}", with: inputs.programName)
            .replacingOccurrences(of: "{period}", with: Format.period(inputs.period))
    }

    private mutating func addChart(_ request: ChartRequest) {
        let factory = ChartFactory(inputs: inputs, privacy: privacy)
        guard let spec = factory.spec(for: request) else {
            flushHalf()
            items.append(.paragraph(factory.emptyMessage(for: request), small: true))
            return
        }
        let size = request.fullWidth ? Size(width: setup.contentWidth, height: 250) : Size(width: setup.halfWidth, height: 210)
        let scene = Chart.build(spec.chart, size: size, measurer: measurer)
        charts.append((name: String(format: "%02d-%@", charts.count + 1, spec.name), scene: scene))
        if request.fullWidth {
            flushHalf()
            items.append(.figures([scene], caption: spec.explanation))
        } else if let first = pendingHalf {
            items.append(.figures([first, scene], caption: nil))
            pendingHalf = nil
        } else {
            pendingHalf = scene
        }
    }

    private mutating func flushHalf() {
        if let scene = pendingHalf { items.append(.figures([scene], caption: nil)) }
        pendingHalf = nil
    }
}
