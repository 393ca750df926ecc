import OutcomesAnalysis

extension TableFactory {
    /// NHS Talking Therapies national figures (England, 2024-25), SPEC section 5.
    static let nationalReliableImprovement = 0.67
    static let nationalReliableRecovery = 0.48

    /// The paired PHQ-9/GAD-7 outcome beside the national reference, the difference in words.
    func nationalReference() -> [LayoutItem] {
        guard case .proportion(_, let pairs, _)? = metric(MetricID.outcome(MetricID.combined, "pairs")), pairs > 0 else {
            return [.paragraph("No episodes with both a PHQ-9 and a GAD-7 pair in \(periodText).", small: true)]
        }
        func row(_ label: String, _ name: String, _ reference: Double) -> [TableCell] {
            let id = MetricID.outcome(MetricID.combined, name)
            let cell = metricCell(id)
            guard case .proportion(let rate?, _, _)? = metric(id), cell.text != "withheld" else {
                return [TableCell(label), cell, TableCell(Format.percent(reference, digits: 0)), "–", "–"]
            }
            let difference = rate - reference
            let words = abs(difference) < 0.005 ? "Level with" : difference > 0 ? "Above" : "Below"
            return [TableCell(label), cell, TableCell(Format.percent(reference, digits: 0)), TableCell(Format.signed(difference * 100) + " pts"),
                    TableCell(words + " the national figure", bold: true, color: difference >= 0 ? ReportStyle.good : ReportStyle.bad)]
        }
        let rows = [
            row("Reliable improvement", "reliable_improvement_rate", Self.nationalReliableImprovement),
            row("Reliable recovery", "reliable_recovery_rate", Self.nationalReliableRecovery),
        ]
        let columns: [ReportTable.Column] = [.init("Paired PHQ-9 and GAD-7 outcome", 2.2, .start), .init(periodText, 1.2),
                                             .init("England 2024-25", 1.1), .init("Difference", 1), .init("", 1.9, .start)]
        return [.table(ReportTable(columns: columns, rows: rows, note: """
            National reference: NHS Talking Therapies for anxiety and depression, England 2024-25 (about 67% reliable \
            improvement and 48% reliable recovery). Its population is referrals to a stepped-care service, not an \
            intensive outpatient program: read the comparison as context, not as a target.
            """))]
    }
}
