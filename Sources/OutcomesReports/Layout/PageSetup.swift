import Charts

/// Paper, margins and the bands the header and footer sit in.
public struct PageSetup: Sendable, Equatable {
    public var size: Size
    public var margin: Double

    /// US Letter, 72 pt margins: a 468 pt column.
    public static let letter = PageSetup(size: Size(width: 612, height: 792), margin: 72)
    /// ISO A4, 72 pt margins.
    public static let a4 = PageSetup(size: Size(width: 595.28, height: 841.89), margin: 72)

    public init(size: Size, margin: Double) {
        self.size = size
        self.margin = margin
    }

    public var contentWidth: Double { size.width - 2 * margin }
    /// Space between two half-width charts.
    public var gutter: Double { 16 }
    public var halfWidth: Double { (contentWidth - gutter) / 2 }
    /// First line of content below the header.
    public var contentTop: Double { margin }
    /// Content stops here, above the footer.
    public var contentBottom: Double { size.height - margin + 12 }
    public var headerBaseline: Double { margin - 30 }
    public var footerBaseline: Double { size.height - margin + 40 }
}
