import OutcomesCore

/// Distinct texts numbered in order of first use: the compact columns store a text's number
/// (staff, instruments, goal domains, episodes' descriptive fields) and keep each text once.
/// Texts are the same when `String` says so (canonical equivalence: a decomposed "é" is the
/// precomposed one).
///
/// Texts read from the store as bytes (`number(ofUTF8:)`) are found by their bytes once a
/// spelling has been numbered (`ByteSpellings`), no `String` made. Numbering an episode's eight
/// texts through `String`s (the store's shared one for each value, then a `[String: Int]`
/// lookup) took 6,800 instructions an episode (callgrind, `report monthly` of a 20,000-episode
/// network), the larger part of reading the store's episodes.
struct TextNumbering: Sendable {
    /// The texts, by number.
    private(set) var texts: [String] = []
    private var numbers: [String: Int] = [:]
    /// The spellings met as bytes, and the number of each by its position.
    private var spellings = ByteSpellings()
    private var spellingNumbers: [Int32] = []

    /// The number of `text`, given on its first use.
    mutating func number(of text: String) -> Int {
        if let number = numbers[text] { return number }
        let number = texts.count
        texts.append(text)
        numbers[text] = number
        return number
    }

    /// The number of the text whose UTF-8 bytes are `bytes` (invalid bytes read as U+FFFD, as
    /// `String(decoding:as:)` reads them), given on its first use. A spelling not met before goes
    /// through `number(of:)`, so that canonically equivalent spellings are one text.
    mutating func number(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let (position, isNew) = spellings.position(of: bytes)
        guard isNew else { return Int(spellingNumbers[position]) }
        let number = number(of: String(decoding: bytes, as: UTF8.self))
        spellingNumbers.append(Int32(number))
        return number
    }

    /// The text numbered `number`.
    subscript(number: Int) -> String { texts[number] }

    /// How many texts are numbered.
    var count: Int { texts.count }
}
