@testable import CairoRender
import Charts

/// A drawing backend that writes down every call, for tests of the drawing path.
final class RecordingBackend: DrawingBackend {
    enum Call: Equatable {
        case save, restore
        case translate(Point)
        case clip(Rect)
        case fill([PathElement], ChartColor)
        case stroke([PathElement], StrokeStyle)
        case text(TextRun)
    }

    private(set) var calls: [Call] = []

    func save() { calls.append(.save) }
    func restore() { calls.append(.restore) }
    func translate(by offset: Point) { calls.append(.translate(offset)) }
    func clip(to rect: Rect) { calls.append(.clip(rect)) }
    func fill(_ path: [PathElement], color: ChartColor) { calls.append(.fill(path, color)) }
    func stroke(_ path: [PathElement], style: StrokeStyle) { calls.append(.stroke(path, style)) }
    func drawText(_ run: TextRun) { calls.append(.text(run)) }
}
