import CMalloc

/// How the process asks the C allocator for large blocks, by command.
enum LargeAllocations {
    /// The commands that load files into a database: `ingest`, and `validate`'s dry run.
    static let loadingCommands: Set<String> = ["ingest", "validate"]

    /// Sets the allocator up for the command named `command` (the first argument).
    static func configure(forCommand command: String?) {
        if let command, loadingCommands.contains(command) { keepForLoads() } else { mapIndividually() }
    }

    /// Blocks of 256 KiB and more (the analysis's 64K-row chunks, its per-cohort arrays) are
    /// mapped from the system one by one and given back when freed. glibc's default moves this
    /// threshold up to the size of the largest block freed, after which such blocks come from
    /// the heap, whose freed pages stay resident: on the 200,000-episode network `report monthly`
    /// peaked at 345 to 429 MB resident for 318 MB of live blocks, and at 329 MB with the fixed
    /// threshold (five runs each, `/usr/bin/time -v`).
    private static func mapIndividually() {
        _ = mallopt(M_MMAP_THRESHOLD, 256 * 1024)
    }

    /// Blocks of up to 32 MiB come from the heap, which keeps up to 64 MiB freed at its top. A
    /// load's statement journal is one block of up to 8 MiB (CSQLiteTuning) allocated and freed
    /// by every multi-row insert into a table whose CHECKs call a function; mapped and unmapped
    /// each time, its pages were faulted in anew by every insert (90,000 events into a
    /// 200,000-episode network: 2.2 s of system time against 0.25 s from the heap).
    private static func keepForLoads() {
        _ = mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024)
        _ = mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024)
    }
}
