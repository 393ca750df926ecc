import CCairo

/// Owns one `cairo_t` drawing onto a surface: status checked when made, destroyed when released.
final class CairoContext {
    let pointer: OpaquePointer
    /// Kept alive while the context draws on it.
    let surface: CairoSurface

    init(surface: CairoSurface) throws {
        guard let pointer = cairo_create(surface.pointer) else {
            throw CairoError(operation: "cairo_create", message: "no context")
        }
        let status = cairo_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(pointer)
            throw CairoError(operation: "cairo_create", status: status)
        }
        self.pointer = pointer
        self.surface = surface
    }

    deinit {
        cairo_destroy(pointer)
    }

    func check(_ operation: String) throws {
        try CairoError.check(cairo_status(pointer), operation)
    }
}
