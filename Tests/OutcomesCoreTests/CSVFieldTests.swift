import Testing
import OutcomesCore

@Suite("CSV fields written for spreadsheets")
struct CSVFieldTests {
    @Test("RFC 4180 quoting, checked byte by byte", arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("a\nb", "\"a\nb\""),
        ("a\rb", "\"a\rb\""),
        ("a\r\nb", "\"a\r\nb\""),    // "\r\n" is one Character, equal to neither "\r" nor "\n"
        ("\r\n", "\"\r\n\""),
    ])
    func escaped(field: String, written: String) {
        #expect(CSVField.escaped(field) == written)
    }
}
