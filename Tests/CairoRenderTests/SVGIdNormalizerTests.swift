@testable import CairoRender
import Testing

struct SVGIdNormalizerTests {
    @Test func idsAreRenumberedInOrderOfAppearanceWithTheirReferences() {
        // Given ids numbered from Cairo's process-wide counters
        let svg = """
            <symbol overflow="visible" id="glyph3-7"><path/></symbol><clipPath id="clip12"><rect/></clipPath>\
            <g id="surface58"><use xlink:href="#glyph3-7" x="1"/><g clip-path="url(#clip12)"/></g>
            """
        // When
        let normalized = String(decoding: SVGIdNormalizer.normalize(Array(svg.utf8)), as: UTF8.self)
        // Then
        #expect(normalized == """
            <symbol overflow="visible" id="glyph1"><path/></symbol><clipPath id="clip1"><rect/></clipPath>\
            <g id="surface1"><use xlink:href="#glyph1" x="1"/><g clip-path="url(#clip1)"/></g>
            """)
    }

    @Test func theTextBetweenAndAfterTheIdsIsKeptWhole() {
        // Given an id defined last, referenced first, with text after the last reference and an "i" in the last
        // bytes (too short to start an id attribute)
        let svg = ##"<use xlink:href="#glyph9-4" x="2"/> fill <symbol id="glyph9-4"/><g id="x"/>tail i"##
        // When
        let normalized = String(decoding: SVGIdNormalizer.normalize(Array(svg.utf8)), as: UTF8.self)
        // Then only glyph9-4 is renumbered (id="x" has no digits)
        #expect(normalized == ##"<use xlink:href="#glyph1" x="2"/> fill <symbol id="glyph1"/><g id="x"/>tail i"##)
    }

    @Test func colourHexValuesAreLeftAlone() {
        let svg = ##"<path style="fill:#ab12cd" id="a1"/><use xlink:href="#a1"/>"##
        let normalized = String(decoding: SVGIdNormalizer.normalize(Array(svg.utf8)), as: UTF8.self)
        #expect(normalized == svg)
    }
}
