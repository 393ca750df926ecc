import OutcomesAnalysis

extension TableFactory {
    /// NHS Talking Therapies national figures (England, 2024-25), SPEC section 5.
    static let nationalReliableImprovement = 0.67
    static let nationalReliableRecovery = 0.48

    /// The paired PHQ-9/GAD-7 outcome beside the national reference, the difference in words.
    func nationalReference() -> [LayoutItem] {
        guard let combined = overall?.combined, combined.pairs > 0 else {
            return [.paragraph("No episodes with both a PHQ-9 and a GAD-7 pair in \(periodText).", small: true)]
        }
        func row(_ label: String, _ num: Int, _ den: Int, _ reference: Double) -> [TableCell] {
            let cell = privacy.rate(num, den)
            guard den > 0, cell.text != "withheld" else { return [TableCell(label), cell, TableCell(Format.percent(reference, digits: 0)), "–", "–"] }
            let difference = Double(num) / Double(den) - reference
            let words = abs(difference) < 0.005 ? "Level with" : difference > 0 ? "Above" : "Below"
            return [TableCell(label), cell, TableCell(Format.percent(reference, digits: 0)), TableCell(Format.signed(difference * 100) + " pts"),
                    TableCell(words + " the national figure", bold: true, color: difference >= 0 ? ReportStyle.good : ReportStyle.bad)]
        }
        let rows = [
            row("Reliable improvement", combined.reliablyImproved, combined.pairs, Self.nationalReliableImprovement),
            row("Reliable recovery", combined.reliablyRecovered, combined.casesAtBaseline, Self.nationalReliableRecovery),
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
