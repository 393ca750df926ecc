/// The colours every chart draws with: Okabe-Ito for data, greys for the frame.
public enum Palette {
    /// Okabe-Ito, in the order series take them (blue first: it reads well on its own and in greyscale).
    public static let okabeIto: [ChartColor] = [
        ChartColor(hex: 0x0072B2),  // blue
        ChartColor(hex: 0xE69F00),  // orange
        ChartColor(hex: 0x009E73),  // bluish green
        ChartColor(hex: 0xCC79A7),  // reddish purple
        ChartColor(hex: 0x56B4E9),  // sky blue
        ChartColor(hex: 0xD55E00),  // vermillion
        ChartColor(hex: 0xF0E442),  // yellow
        ChartColor(hex: 0x000000),  // black
    ]

    public static let blue = ChartColor(hex: 0x0072B2)
    public static let orange = ChartColor(hex: 0xE69F00)
    public static let skyBlue = ChartColor(hex: 0x56B4E9)
    public static let green = ChartColor(hex: 0x009E73)
    public static let vermillion = ChartColor(hex: 0xD55E00)

    /// Titles and tick labels.
    public static let ink = ChartColor(hex: 0x222222)
    /// Subtitles, axis titles, notes.
    public static let secondaryInk = ChartColor(hex: 0x595959)
    /// The value axis baseline and tick marks.
    public static let axis = ChartColor(hex: 0x8C8C8C)
    /// Hairline grid.
    public static let grid = ChartColor(hex: 0xE3E3E3)
    /// Individual trajectories and other background data.
    public static let muted = ChartColor(hex: 0xB0B0B0)

    /// The series colour for index `i`, cycling through Okabe-Ito.
    public static func series(_ i: Int) -> ChartColor {
        okabeIto[((i % okabeIto.count) + okabeIto.count) % okabeIto.count]
    }
}
