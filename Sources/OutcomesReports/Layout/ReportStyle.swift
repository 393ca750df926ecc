import Charts

/// Type sizes and colours of every report: DejaVu Sans, calm greys, Okabe-Ito accents.
enum ReportStyle {
    static let title = ChartFont(size: 20, weight: .bold)
    static let subtitle = ChartFont(size: 12)
    static let heading = ChartFont(size: 14, weight: .bold)
    static let subheading = ChartFont(size: 10.5, weight: .bold)
    static let body = ChartFont(size: 9.5)
    static let small = ChartFont(size: 7.5)
    static let tableHeader = ChartFont(size: 7.5, weight: .bold)
    static let tableBody = ChartFont(size: 8)
    static let tableDetail = ChartFont(size: 6.5)
    static let pageFurniture = ChartFont(size: 7.5)
    static let stamp = ChartFont(size: 8, weight: .bold)

    static let ink = Palette.ink
    static let secondary = Palette.secondaryInk
    static let rule = Palette.grid
    static let headerFill = ChartColor(hex: 0xF0F2F4)
    static let accent = Palette.blue
    static let good = ChartColor(hex: 0x007A5A)
    static let bad = Palette.vermillion
    static let stampColor = ChartColor(hex: 0xB03A00)

    /// Leading: line height as a multiple of the font size.
    static let leading = 1.32

    static func lineHeight(_ font: ChartFont) -> Double { font.size * leading }
}
