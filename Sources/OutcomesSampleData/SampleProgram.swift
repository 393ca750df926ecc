import OutcomesCore

/// A deterministic synthetic IOP network: six tracks over three sites, admissions over the
/// `years` years (and a few weeks) ending at `endDate`, with sessions, symptom scales, goals and
/// clinical events. The same arguments always give byte-identical files.
///
/// Generation streams episode by episode, so memory does not grow with `episodes`.
public struct SampleProgram: Sendable {
    /// Number of episodes to generate.
    public let episodes: Int
    /// Seed of the generator's own pseudo-random streams (one per episode).
    public let seed: UInt64
    /// No row is dated after this day; episodes planned to end later are still active.
    public let endDate: Day
    /// Years of history: admissions are spread evenly over them (12-month windows then hold
    /// `episodes / years` each), so that a longer history at the same yearly volume can be made.
    public let years: Int

    /// A program of `episodes` episodes (negative counts as 0) admitted over `years` years (at
    /// least 1), generated from `seed`, with no row after `endDate`.
    public init(episodes: Int, seed: UInt64, endDate: Day, years: Int = 1) {
        self.episodes = max(0, episodes)
        self.seed = seed
        self.endDate = endDate
        self.years = max(1, years)
    }

    /// Calls `body` with each generated episode in admission order.
    func forEachEpisode(_ body: (GeneratedEpisode) throws -> Void) rethrows {
        var stream = EpisodeStream(program: self)
        while let generated = stream.next() { try body(generated) }
    }

    /// Writes `episodes.csv`, `sessions.csv`, `assessments.csv`, `goals.csv` and `events.csv`
    /// with the canonical columns (SPEC section 2) into `directory`, creating it if needed.
    public func writeCanonical(to directory: String) throws {
        try makeDirectory(directory)
        let writer = try CanonicalWriter(directory: directory)
        try forEachEpisode { try writer.write($0) }
        try writer.close()
    }

    /// Writes the same program as a FHIR R4 Bulk Data export (NDJSON per resource type, a
    /// manifest, the mapping naming its extensions, and the clinical events as `events.csv`)
    /// into `directory`.
    public func writeFHIRExport(to directory: String) throws {
        try makeDirectory(directory)
        let writer = try FHIRExportWriter(directory: directory)
        try forEachEpisode { try writer.write($0) }
        try writer.close(endDate: endDate)
    }

    /// Writes the same program as a typical EHR export (its own column names and vocabulary,
    /// US dates, BOM and CRLF, extra columns, and the real shapes of `EHRShapes`: appointments
    /// keyed by MRN, a long flowsheet, a totals-only feed) plus the `mapping.yaml` that maps it
    /// back to the canonical tables, into `directory`.
    public func writeEHRExport(to directory: String) throws {
        try makeDirectory(directory)
        let writer = try EHRExportWriter(directory: directory, endDate: endDate)
        try forEachEpisode { try writer.write($0) }
        try writer.close()
        try writeBytes(Array(MappingFile.text.utf8), to: joinPath(directory, "mapping.yaml"))
    }
}
