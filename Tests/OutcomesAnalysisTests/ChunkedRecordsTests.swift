import Testing
@testable import OutcomesAnalysis

@Suite("Records in chunks")
struct ChunkedRecordsTests {
    @Test("records are read back across chunk boundaries, and rewritten in place or across them")
    func appendAndReplace() {
        // 65,536 records a chunk: 65,540 records fill one chunk and start a second with 4.
        var records = ChunkedRecords<Int>()
        for value in 0..<65_540 { records.append(value) }
        #expect(records.count == 65_540)
        #expect([0, 65_535, 65_536, 65_539].map { records[$0] } == [0, 65_535, 65_536, 65_539])
        // Within the first chunk: rows 10-12 become 12, 11, 10
        records.replace(10..<13, with: [12, 11, 10])
        // Across the boundary: rows 65,534-65,537 reversed
        records.replace(65_534..<65_538, with: [65_537, 65_536, 65_535, 65_534])
        // Within the second chunk, and an empty range
        records.replace(65_538..<65_540, with: [-1, -2])
        records.replace(5..<5, with: [])
        #expect((9...13).map { records[$0] } == [9, 12, 11, 10, 13])
        #expect((65_533..<65_540).map { records[$0] } == [65_533, 65_537, 65_536, 65_535, 65_534, -1, -2])
        // Appending after a full chunk starts a third only at 131,072
        for value in 65_540..<131_073 { records.append(value) }
        #expect(records[131_071] == 131_071 && records[131_072] == 131_072 && records.count == 131_073)
    }
}
