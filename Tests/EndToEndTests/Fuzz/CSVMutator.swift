import Foundation
import OutcomesTestSupport

/// One damage done to a CSV file's bytes, as hostile or broken exports do it.
enum CSVMutation: String, CaseIterable {
    case flipByte, truncate, insertNUL, invalidUTF8, hugeNumber, hugeField, strayQuote, loneCR, dropComma
    case controlCharacter, duplicateLine, negativeNumber

    /// Applies the mutation at a position drawn from `generator`; the header line is spared
    /// half the time so that most cases reach row validation rather than table detection.
    func apply(to bytes: inout [UInt8], using generator: inout SplitMix64) {
        guard !bytes.isEmpty else { return }
        let headerEnd = (bytes.firstIndex(of: 0x0A) ?? 0) + 1
        let start = Bool.random(using: &generator) && headerEnd < bytes.count ? headerEnd : 0
        let at = Int.random(in: start..<bytes.count, using: &generator)
        switch self {
        case .flipByte: bytes[at] ^= UInt8.random(in: 1...255, using: &generator)
        case .truncate: bytes.removeSubrange(at...)
        case .insertNUL: bytes.insert(0, at: at)
        case .invalidUTF8: bytes.insert(contentsOf: [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF8, 0x88]]
            .randomElement(using: &generator) ?? [0xFF], at: at)
        case .hugeNumber: replaceDigitRun(near: at, in: &bytes, with: Array("99999999999999999999999".utf8))
        case .negativeNumber: replaceDigitRun(near: at, in: &bytes, with: Array("-9223372036854775808".utf8))
        case .hugeField: bytes.insert(contentsOf: [UInt8](repeating: UInt8(ascii: "x"), count: 70_000), at: at)
        case .strayQuote: bytes.insert(UInt8(ascii: "\""), at: at)
        case .loneCR: bytes.insert(0x0D, at: at)
        case .dropComma:
            if let comma = bytes[at...].firstIndex(of: UInt8(ascii: ",")) { bytes.remove(at: comma) }
        case .controlCharacter: bytes.insert([0x01, 0x1F, 0x1B, 0x7F].randomElement(using: &generator) ?? 1, at: at)
        case .duplicateLine:
            let lineStart = (bytes[..<at].lastIndex(of: 0x0A) ?? -1) + 1
            let lineEnd = (bytes[at...].firstIndex(of: 0x0A) ?? bytes.count - 1) + 1
            bytes.insert(contentsOf: Array(bytes[lineStart..<lineEnd]), at: lineEnd)
        }
    }

    /// Replaces the run of digits at or after `at` (a number field) with `replacement`.
    private func replaceDigitRun(near at: Int, in bytes: inout [UInt8], with replacement: [UInt8]) {
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        guard let first = bytes[at...].firstIndex(where: isDigit) else { return }
        let end = bytes[first...].firstIndex { !isDigit($0) } ?? bytes.count
        bytes.replaceSubrange(first..<end, with: replacement)
    }
}
