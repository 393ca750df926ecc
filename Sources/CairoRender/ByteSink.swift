import CCairo
import Foundation

/// Collects the bytes a Cairo stream surface writes.
final class ByteSink {
    private(set) var data = Data()

    func append(_ bytes: UnsafePointer<UInt8>, count: Int) {
        data.append(bytes, count: count)
    }

    /// An unretained pointer for Cairo's closure argument; the sink must outlive the surface.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// The C callback Cairo calls with each chunk.
    static let write: cairo_write_func_t = { closure, bytes, length in
        guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().append(bytes, count: Int(length))
        return CAIRO_STATUS_SUCCESS
    }
}
