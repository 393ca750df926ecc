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
