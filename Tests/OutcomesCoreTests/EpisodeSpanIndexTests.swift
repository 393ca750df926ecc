import Testing
@testable import OutcomesCore

@Suite("EpisodeSpanIndex")
struct EpisodeSpanIndexTests {
    static let september = EpisodeSpan(admission: Day(iso: "2026-09-01")!, discharge: Day(iso: "2026-10-15")!)
    static let active = EpisodeSpan(admission: Day(iso: "2026-10-01")!, discharge: nil)
    static let march = EpisodeSpan(admission: Day(iso: "2026-03-02")!, discharge: Day(iso: "2026-03-02")!)

    /// Episodes in byte order of their ids ("E1" < "E10" < "E2" < "É7"); patient "p1" has E1 and
    /// E2, "p2" has E10 and "É7".
    static func index() throws -> EpisodeSpanIndex {
        var index = EpisodeSpanIndex()
        try index.append(episode: "E1", span: september)
        try index.append(episode: "E10", span: active)
        try index.append(episode: "E2", span: march)
        try index.append(episode: "\u{C9}7", span: active)
        try index.append(patient: "p1", episode: "E2")
        try index.append(patient: "p1", episode: "E1")
        try index.append(patient: "p2", episode: "\u{C9}7")
        try index.append(patient: "p2", episode: "E10")
        return index
    }

    @Test func everyEpisodeIsFoundWithItsSpan() throws {
        let index = try Self.index()
        #expect(index.count == 4)
        #expect(index.span(ofEpisode: "E1") == Self.september)
        #expect(index.span(ofEpisode: "E10") == Self.active)
        #expect(index.span(ofEpisode: "E2") == Self.march)
        #expect(index.span(ofEpisode: "\u{C9}7") == Self.active)
    }

    @Test("an unknown episode is nil", arguments: ["", "E", "E0", "E100", "E3", "e1", "E\u{301}7", "\u{C9}"])
    func unknownEpisode(_ id: String) throws {
        #expect(try Self.index().span(ofEpisode: id) == nil)
    }

    @Test func aPatientHasTheEpisodesFiledUnderIt() throws {
        let index = try Self.index()
        #expect(index.episodes(ofPatient: "p1") == ["E1": Self.september, "E2": Self.march])
        #expect(index.episodes(ofPatient: "p2") == ["E10": Self.active, "\u{C9}7": Self.active])
        #expect(index.episodes(ofPatient: "p") == [:])
        #expect(index.episodes(ofPatient: "p3") == [:])
    }

    @Test func withoutPatientsNoPatientHasEpisodes() throws {
        var index = EpisodeSpanIndex()
        try index.append(episode: "E1", span: Self.september)
        #expect(index.episodes(ofPatient: "p1") == [:])
        #expect(index.span(ofEpisode: "E1") == Self.september)
    }

    @Test func appendsOutOfOrderAreRefused() throws {
        var index = try Self.index()
        // An id before the last, a patient before the last, an episode never appended.
        #expect(throws: IndexAppendError(key: "E3")) { try index.append(episode: "E3", span: Self.active) }
        #expect(throws: IndexAppendError(key: "p1")) { try index.append(patient: "p1", episode: "E1") }
        #expect(throws: IndexAppendError(key: "E9")) { try index.append(patient: "p3", episode: "E9") }
        #expect(index.count == 4)
        #expect(index.episodes(ofPatient: "p1") == ["E1": Self.september, "E2": Self.march])
    }

    @Test func aDayBeyond32BitsIsRefused() {
        var index = EpisodeSpanIndex()
        let far = EpisodeSpan(admission: Day(ordinal: Int(Int32.max) + 1), discharge: nil)
        #expect(throws: IndexAppendError(key: "E1")) { try index.append(episode: "E1", span: far) }
        #expect(index.count == 0)
    }

    @Test func pseudonymsAndOtherKeysAreFiledApart() throws {
        let a = String(repeating: "0a", count: 32), b = String(repeating: "f9", count: 32)
        let upperA = a.uppercased()
        var index = EpisodeSpanIndex()
        for id in ["E1", "E10", "E2"] { try index.append(episode: id, span: Self.september) }
        // Pseudonyms first in the order of their digits, then the other keys in byte order.
        try index.append(patient: a, episode: "E1")
        try index.append(patient: a, episode: "E2")
        try index.append(patient: b, episode: "E10")
        try index.append(patient: upperA, episode: "E2")
        #expect(throws: IndexAppendError(key: b)) { try index.append(patient: b, episode: "E1") }
        #expect(index.episodes(ofPatient: a) == ["E1": Self.september, "E2": Self.september])
        #expect(index.episodes(ofPatient: b) == ["E10": Self.september])
        #expect(index.episodes(ofPatient: upperA) == ["E2": Self.september])
        // The same digits but the last, a shorter key and a key never filed.
        #expect(index.episodes(ofPatient: String(a.dropLast()) + "b") == [:])
        #expect(index.episodes(ofPatient: String(a.dropLast(2))) == [:])
        #expect(index.episodes(ofPatient: String(repeating: "Z", count: 64)) == [:])
    }
}
