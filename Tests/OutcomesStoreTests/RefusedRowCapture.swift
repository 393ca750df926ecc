import Testing
@testable import OutcomesStore

/// The row `body`'s load refused; nil when it refused none (recording an issue if it threw another error).
func refusal(_ body: () throws -> Void) -> RefusedRow? {
    do {
        try body()
    } catch StoreError.rowRefused(let refused) {
        return refused
    } catch {
        Issue.record("expected a refused row, got \(error)")
    }
    return nil
}
