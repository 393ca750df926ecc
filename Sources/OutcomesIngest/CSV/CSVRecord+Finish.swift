extension CSVRecord {
    private static let quote = UInt8(ascii: "\"")

    /// Once the whole record is read: trims every field and resolves quoted fields (drops
    /// the quotes; unescapes doubled quotes into `unescaped` when there are any).
    mutating func finish() {
        for index in quotedFields { resolveQuoted(index) }
        rawBytes.withUnsafeBufferPointer { raw in
            for index in 0..<ends.count where starts[index] >= 0 {
                var start = starts[index], end = ends[index]
                while start < end, raw[start] == 0x20 || raw[start] == 0x09 { start += 1 }
                while end > start, raw[end - 1] == 0x20 || raw[end - 1] == 0x09 { end -= 1 }
                starts[index] = start
                ends[index] = end
            }
        }
        for index in quotedFields where starts[index] < 0 {
            var start = -1 - starts[index], end = ends[index]
            while start < end, unescaped[start] == 0x20 || unescaped[start] == 0x09 { start += 1 }
            while end > start, unescaped[end - 1] == 0x20 || unescaped[end - 1] == 0x09 { end -= 1 }
            starts[index] = -1 - start
            ends[index] = end
        }
    }

    /// A quoted field spans from after its opening quote to the field's end. When its only
    /// quote is the closing one, followed by nothing but spaces, the field is the raw bytes
    /// before it; otherwise doubled quotes become one and single quotes are dropped.
    private mutating func resolveQuoted(_ index: Int) {
        let start = starts[index]
        var end = ends[index]
        while end > start, rawBytes[end - 1] == 0x20 || rawBytes[end - 1] == 0x09 { end -= 1 }
        let firstQuote = rawBytes[start..<end].firstIndex(of: Self.quote)
        if firstQuote == end - 1 {
            ends[index] = end - 1
            return
        }
        if firstQuote == nil { return }
        let outStart = unescaped.count
        var position = start
        while position < end {
            let byte = rawBytes[position]
            position += 1
            if byte == Self.quote {
                if position < end, rawBytes[position] == Self.quote {
                    unescaped.append(Self.quote)
                    position += 1
                }
            } else {
                unescaped.append(byte)
            }
        }
        starts[index] = -1 - outStart
        ends[index] = unescaped.count
    }
}
