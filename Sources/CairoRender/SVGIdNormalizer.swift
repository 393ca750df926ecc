/// Renumbers the ids Cairo writes into SVG (`surface123`, `glyph0-1`, `clip4`) in order of appearance.
///
/// Cairo numbers some ids from process-wide counters, so the same chart drawn twice in one process
/// would otherwise differ.
enum SVGIdNormalizer {
    static func normalize(_ svg: String) -> String {
        let definition = /id="([A-Za-z_]+)([0-9][0-9-]*)"/
        var renamed: [String: String] = [:]
        var counters: [String: Int] = [:]
        for match in svg.matches(of: definition) {
            let old = String(match.output.1) + String(match.output.2)
            guard renamed[old] == nil else { continue }
            let prefix = String(match.output.1)
            let next = (counters[prefix] ?? 0) + 1
            counters[prefix] = next
            renamed[old] = "\(prefix)\(next)"
        }
        guard !renamed.isEmpty else { return svg }
        let reference = /(id="|#)([A-Za-z_]+[0-9][0-9-]*)(?=["')])/
        return svg.replacing(reference) { match in
            let old = String(match.output.2)
            return String(match.output.1) + (renamed[old] ?? old)
        }
    }
}
