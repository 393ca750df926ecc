/// A dataset's sessions while it is built: those another builder read (`earlier`, with their
/// owners placed) go before `later`, this builder's own.
struct SessionParts: Sendable {
    var earlier: (columns: SessionColumns, owners: OwnerRuns)?
    var later = SessionColumns()
    var laterOwners = OwnerRuns()

    /// Puts `earlier` before `later`, which then holds every session, grouped by episode
    /// (`DatedColumns.group`); returns each episode's rows. `earlier`'s chunks are freed as
    /// they are copied (`SessionColumns.append(draining:)`).
    mutating func joinAndGroup(ownerCount: Int) -> [Range<Int32>] {
        if var (columns, owners) = earlier {
            earlier = nil
            columns.append(draining: &later)
            owners.append(contentsOf: laterOwners)
            (later, laterOwners) = (columns, owners)
        }
        return later.group(by: laterOwners, ownerCount: ownerCount)
    }
}
