import CCairo
import Charts

/// Owns one `PangoFontDescription` for DejaVu Sans at a size in points (user units).
final class PangoFontDescription {
    let pointer: OpaquePointer

    init(_ font: ChartFont) throws {
        guard let pointer = pango_font_description_new() else {
            throw CairoError(operation: "pango_font_description_new", message: "no font description")
        }
        pango_font_description_set_family(pointer, ChartFont.family)
        pango_font_description_set_weight(pointer, font.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_absolute_size(pointer, font.size * Double(PANGO_SCALE))
        self.pointer = pointer
    }

    deinit {
        pango_font_description_free(pointer)
    }
}

/// The font descriptions a layout has used, each made once per font.
struct PangoFontDescriptions {
    private var made: [ChartFont: PangoFontDescription] = [:]

    /// The description of `font`, made on first use.
    mutating func description(_ font: ChartFont) throws -> PangoFontDescription {
        if let known = made[font] { return known }
        let description = try PangoFontDescription(font)
        made[font] = description
        return description
    }
}
