import CCairo

/// A Cairo or Pango failure, with the library's own words.
public struct CairoError: Error, Equatable, CustomStringConvertible {
    public var operation: String
    public var message: String

    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    init(operation: String, status: cairo_status_t) {
        self.init(operation: operation, message: String(cString: cairo_status_to_string(status)))
    }

    public var description: String { "\(operation): \(message)" }

    /// Throws when `status` is not success.
    static func check(_ status: cairo_status_t, _ operation: String) throws {
        guard status == CAIRO_STATUS_SUCCESS else { throw CairoError(operation: operation, status: status) }
    }
}
