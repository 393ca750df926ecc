/// An output file format.
public enum RenderFormat: Equatable, Hashable, Sendable {
    case pdf
    case svg
    /// PNG at `scale` pixels per point (1 or 2).
    case png(scale: Double)

    public var fileExtension: String {
        switch self {
        case .pdf: return "pdf"
        case .svg: return "svg"
        case .png: return "png"
        }
    }
}

extension RenderFormat {
    /// The format a file name's extension asks for (`pdf`, `svg`, `png`), PNG at `scale`.
    public init?(fileExtension: String, scale: Double = 1) {
        switch fileExtension.lowercased() {
        case "pdf": self = .pdf
        case "svg": self = .svg
        case "png": self = .png(scale: scale)
        default: return nil
        }
    }
}
