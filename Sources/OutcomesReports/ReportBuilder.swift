import Charts
import OutcomesAnalysis

/// Turns a definition and its inputs into a laid-out document: pages of scenes, no pixels.
public struct ReportBuilder {
    public let definition: ReportDefinition
    public let inputs: ReportInputs
    public let measurer: any TextMeasuring
    public let setup: PageSetup

    public init(definition: ReportDefinition, inputs: ReportInputs, measurer: any TextMeasuring, setup: PageSetup = .letter) {
        self.definition = definition
        self.inputs = inputs
        self.measurer = measurer
        self.setup = setup
    }

    /// The report's figures; for an external report, decided as one output of disclosure
    /// control: a first pass records every count each table and chart prints, then the whole
    /// document is protected at once.
    func disclosure() -> ReportDisclosure {
        let disclosure = ReportDisclosure(inputs)
        guard definition.audience == .external else { return disclosure }
        var recording = ContentBuilder(definition: definition, inputs: inputs, measurer: measurer, setup: setup,
                                       privacy: Privacy(external: true, disclosure: disclosure))
        recording.build()
        disclosure.protect()
        return disclosure
    }

    /// Lays the report out twice when it has a table of contents: once to learn the pages.
    public func build() -> ReportDocument {
        let privacy = Privacy(external: definition.audience == .external, disclosure: disclosure())
        var content = ContentBuilder(definition: definition, inputs: inputs, measurer: measurer, setup: setup, privacy: privacy)
        content.build()
        var composer = PageComposer(setup: setup, measurer: measurer)
        composer.compose(content.items)
        var contents = definition.sections.map { ($0.title, composer.anchors[$0.title] ?? 0) }
        if content.hasContentsTable {
            var second = ContentBuilder(definition: definition, inputs: inputs, measurer: measurer, setup: setup, privacy: privacy)
            second.contents = contents
            second.build()
            composer = PageComposer(setup: setup, measurer: measurer)
            composer.compose(second.items)
            contents = definition.sections.map { ($0.title, composer.anchors[$0.title] ?? 0) }
        }
        let decorator = PageDecorator(
            setup: setup, leftHeader: "\(inputs.programName) · \(definition.title)", rightHeader: Format.period(inputs.period),
            footer: "Generated \(inputs.generatedOn) · IOP Outcomes \(inputs.provenance.softwareVersion)"
                + (definition.audience == .external ? " · De-identified: <11 is a count of 1 to 10" : " · Internal"),
            phiStamp: content.containsPHI, hasCover: definition.cover)
        let pages = composer.pages.enumerated().map { decorator.decorate($1, page: $0 + 1, of: composer.pages.count) }
        return ReportDocument(title: definition.title, setup: setup, pages: pages, charts: content.charts,
                              contents: contents, containsPHI: content.containsPHI)
    }
}
