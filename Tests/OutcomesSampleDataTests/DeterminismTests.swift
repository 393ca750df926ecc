import Testing
@testable import OutcomesSampleData
