import Foundation
import Testing
@testable import OutcomesIngest

@Suite("Series files for spc")
struct SeriesFileTests {
    private let proportions = SeriesLayout(
        hasDenominator: true, valuesAreCounts: true, numeratorWithinDenominator: true,
        columnNames: ["label", "numerator", "denominator"])

    @Test("empty cells and 0 of 0 are gaps; quoted labels and decimals are read")
    func gaps() throws {
        // Given
        let path = try TestFiles.write("m,num,den\n\"Jan, 2026\",3,10\nFeb,,12\nMar,0,0\nApr, 2.5 ,5\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // When
        let table = try SeriesFile.read(path: path, displayName: "s.csv", layout: proportions)
        // Then
        #expect(table.header == ["m", "num", "den"])
        #expect(table.rows == [
            SeriesRow(label: "Jan, 2026", value: 3, denominator: 10),
            SeriesRow(label: "Feb", value: nil, denominator: 12),
            SeriesRow(label: "Mar", value: 0, denominator: 0),
            SeriesRow(label: "Apr", value: 2.5, denominator: 5),
        ])
    }

    @Test("a count over a denominator of 0, an empty label and 'nan' are errors at their cell", arguments: [
        ("m,num,den\nJan,3,0\n", "s.csv: row 2, column 3: the denominator is 0 but the numerator is not"),
        ("m,num,den\nJan,1,2\n,1,2\n", "s.csv: row 3, column 1: the label is empty"),
        ("m,num,den\nJan,nan,2\n", "s.csv: row 2, column 2: the numerator is not a number: 'nan'"),
        ("", "s.csv: the file is empty: it has no header row"),
    ])
    func errors(text: String, message: String) throws {
        let path = try TestFiles.write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: SeriesFileError.self) { try SeriesFile.read(path: path, displayName: "s.csv", layout: proportions) }
        do {
            _ = try SeriesFile.read(path: path, displayName: "s.csv", layout: proportions)
        } catch let error as SeriesFileError {
            #expect(error.description == message)
        }
    }
}
