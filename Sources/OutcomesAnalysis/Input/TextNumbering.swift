/// Distinct texts numbered in order of first use: the compact columns store a text's number
/// (staff, instruments, goal domains, episodes' descriptive fields) and keep each text once.
struct TextNumbering: Sendable {
    /// The texts, by number.
    private(set) var texts: [String] = []
    private var numbers: [String: Int] = [:]

    /// The number of `text`, given on its first use.
    mutating func number(of text: String) -> Int {
        if let number = numbers[text] { return number }
        let number = texts.count
        texts.append(text)
        numbers[text] = number
        return number
    }

    /// The text numbered `number`.
    subscript(number: Int) -> String { texts[number] }

    /// How many texts are numbered.
    var count: Int { texts.count }
}
