import CMalloc

/// How the process asks the C allocator for large blocks.
enum LargeAllocations {
    /// Blocks of 256 KiB and more (the analysis's 64K-row chunks, its per-cohort arrays) are
    /// mapped from the system one by one and given back when freed. glibc's default moves this
    /// threshold up to the size of the largest block freed, after which such blocks come from
    /// the heap, whose freed pages stay resident: on the 200,000-episode network `report monthly`
    /// peaked at 345 to 429 MB resident for 318 MB of live blocks, and at 329 MB with the fixed
    /// threshold (five runs each, `/usr/bin/time -v`).
    static func mapIndividually() {
        _ = mallopt(M_MMAP_THRESHOLD, 256 * 1024)
    }
}
