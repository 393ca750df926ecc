import OutcomesCore

/// Why a JSON text is not the value wanted: the path of the value at fault (`$` for text that
/// is not JSON) and a message a person understands.
struct JSONProblem: Error, Equatable {
    enum Kind { case invalidUTF8, syntax, shape }

    var kind: Kind
    var path: String
    var message: String
}

/// Reads JSON texts one after another (NDJSON lines, or a whole document) into a tape it
/// keeps, so that reading a line allocates only what is decoded from it. Copies share the
/// tape: a thread reads with a reader of its own.
struct JSONReader {
    private let storage = JSONTapeStorage()

    /// Parses `text` and reads its top value with `read`.
    mutating func read<T>(_ text: ArraySlice<UInt8>,
                          _ read: (JSONNode) throws(JSONShapeError) -> T) throws(JSONProblem) -> T {
        let result: Result<T, JSONProblem> = text.withUnsafeBufferPointer { bytes in
            do throws(JSONProblem) { try parse(bytes, of: "the line") } catch { return .failure(error) }
            let entries = storage.tape
            do throws(JSONShapeError) {
                return .success(try read(JSONNode(bytes: bytes, tape: entries, index: 0)))
            } catch {
                return .failure(JSONNode(bytes: bytes, tape: entries, index: 0).problem(error))
            }
        }
        return try result.get()
    }

    /// Parses `text` and calls `body` with its top value, valid only during the call: a text that
    /// is not JSON throws a `JSONProblem`; `body`'s own errors pass through.
    mutating func withDocument<T>(_ text: ArraySlice<UInt8>, _ body: (JSONNode) throws -> T) throws -> T {
        try text.withUnsafeBufferPointer { bytes in
            try parse(bytes, of: "the document")
            return try body(JSONNode(bytes: bytes, tape: storage.tape, index: 0))
        }
    }

    /// Checks `bytes` (`text`: "the line", "the document") are UTF-8 and parses them onto the tape.
    private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>, of text: String) throws(JSONProblem) {
        if let invalid = UTF8Validation.firstInvalidIndex(in: bytes) {
            throw JSONProblem(kind: .invalidUTF8, path: "$",
                              message: "invalid UTF-8 at byte offset \(invalid) of \(text)")
        }
        do throws(JSONSyntaxError) { try JSONTapeParser.parse(bytes, into: storage) } catch {
            throw JSONProblem(kind: .syntax, path: "$", message: error.message)
        }
    }
}

extension JSONNode {
    /// `error` (raised reading this node's document) as the path of the value at fault and a message.
    func problem(_ error: JSONShapeError) -> JSONProblem {
        let path = self.path(to: error.index)
        switch error.problem {
        case .notA(let expected) where error.index == 0:
            return JSONProblem(kind: .shape, path: path, message: "the text is not \(expected)")
        case .notA(let expected):
            return JSONProblem(kind: .shape, path: path, message: "\(path) is not \(expected)")
        case .missing(let key):
            return JSONProblem(kind: .shape, path: path + "." + key, message: "\(path).\(key) is required and is missing")
        }
    }

    /// `$.item[2].answer[0].valueCoding`: the path of the value at tape index `target`.
    func path(to target: Int) -> String {
        var path = "$"
        var current = 0
        while current != target {
            let isObject = tape[current].kind == .object
            var child = current + 1
            var position = 0
            while child < tape[current].after {
                let value = isObject ? child + 1 : child
                if target < tape[value].after {
                    path += isObject ? "." + JSONText.string(tape[child], in: bytes) : "[\(position)]"
                    break
                }
                child = tape[value].after
                position += 1
            }
            guard child < tape[current].after else { break }
            current = isObject ? child + 1 : child
        }
        return path
    }
}
