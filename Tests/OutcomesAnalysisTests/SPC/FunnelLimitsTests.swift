import Testing
@testable import OutcomesAnalysis

@Suite("Funnel limits")
struct FunnelLimitsTests {
    // Groups total 110/330, so p = 1/3 and p(1 - p) = 2/9 = 0.222222.
    private let groups = [
        FunnelGroup(name: "A", numerator: 20, denominator: 100),
        FunnelGroup(name: "B", numerator: 45, denominator: 100),
        FunnelGroup(name: "C", numerator: 5, denominator: 50),
        FunnelGroup(name: "D", numerator: 30, denominator: 50),
        FunnelGroup(name: "E", numerator: 0, denominator: 0),
        FunnelGroup(name: "F", numerator: 10, denominator: 30),
    ]

    @Test("the funnel is centred on the pooled proportion")
    func centre() {
        #expect(approximately(FunnelLimits(groups: groups)?.proportion, 0.333333))
        #expect(FunnelLimits(groups: []) == nil)
    }

    @Test("limits at n = 100 and n = 50")
    func limitsAtTwoN() {
        let funnel = FunnelLimits(proportion: 1.0 / 3)
        // When
        let bands = funnel.bands(at: [100, 50])
        // Then n = 100: sigma = sqrt(0.222222/100) = 0.047140
        //   1.959964 x 0.047140 = 0.092394 -> [0.240940, 0.425727]
        //   3.090232 x 0.047140 = 0.145675 -> [0.187658, 0.479008]
        #expect(approximately(bands[0].lower95, 0.240940))
        #expect(approximately(bands[0].upper95, 0.425727))
        #expect(approximately(bands[0].lower998, 0.187658))
        #expect(approximately(bands[0].upper998, 0.479008))
        // n = 50: sigma = sqrt(0.222222/50) = 0.066667
        //   1.959964 x 0.066667 = 0.130664 -> [0.202669, 0.463998]
        //   3.090232 x 0.066667 = 0.206015 -> [0.127318, 0.539349]
        #expect(approximately(bands[1].lower95, 0.202669))
        #expect(approximately(bands[1].upper95, 0.463998))
        #expect(approximately(bands[1].lower998, 0.127318))
        #expect(approximately(bands[1].upper998, 0.539349))
    }

    @Test("limits are clipped to [0, 1] for a tiny n")
    func clipped() {
        // n = 1: sigma = 0.471405; 1/3 -/+ 1.456759 and -/+ 0.923939 all leave [0, 1]
        let band = FunnelLimits(proportion: 1.0 / 3).band(at: 1)
        #expect(band.lower998 == 0 && band.lower95 == 0)
        #expect(band.upper95 == 1 && band.upper998 == 1)
        // n = 0 has no spread to speak of: the whole range
        let empty = FunnelLimits(proportion: 0).band(at: 0)
        #expect(empty.lower998 == 0 && empty.upper998 == 1)
    }

    @Test("each group is flagged against the limits at its own n")
    func positions() {
        // Given the limits above
        let results = FunnelLimits(groups: groups)?.classify(groups) ?? []
        // Then A 0.20 < 0.240940 but >= 0.187658; B 0.45 > 0.425727 but <= 0.479008;
        // C 0.10 < 0.127318; D 0.60 > 0.539349; E has no data; F = p is inside
        #expect(results.map(\.position) == [.below95, .above95, .below998, .above998, .noData, .inside])
        #expect(results[4].band == nil)
    }
}
