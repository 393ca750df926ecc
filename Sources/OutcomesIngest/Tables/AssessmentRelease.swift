/// Which assessments pivoted from a long file (CSV item rows, FHIR Observations) can be sent
/// before the file ends, so that memory holds only the open ones, not a whole file's.
///
/// Each row is counted under a key that every row able to join the same assessment shares (its
/// patient, or its episode), or under `""` when it may join any. A first pass notes each key's
/// last row; once the last row of every key whose rows joined an assessment has been read, no
/// later row joins it. A file with a row counted under `""` sends every assessment at its end.
struct AssessmentRelease {
    /// Key -> the last row counted under it.
    let lastRows: [String: Int]
    private var groupsOfKey: [String: [ItemAnswer.Group]] = [:]
    private var keysOfGroup: [ItemAnswer.Group: [String]] = [:]
    /// The last group and key noted, and the last key looked up with its last row: an
    /// assessment's rows come together, and these spare a hash or two on each of them.
    private var lastNoted: (group: ItemAnswer.Group, key: String)?
    private var lastLookedUp: (key: String, lastRow: Int?)?

    /// From the first pass: the last row of each key.
    init(lastRows: [String: Int]) { self.lastRows = lastRows }

    /// False when a row may join any assessment: every one is then sent at the end.
    var releases: Bool { lastRows[""] == nil }

    /// Notes that a row counted under `key` joined `group`.
    mutating func note(_ group: ItemAnswer.Group, key: String) {
        guard releases else { return }
        if let lastNoted, lastNoted.key == key, lastNoted.group == group { return }
        lastNoted = (group, key)
        if groupsOfKey[key]?.last != group { groupsOfKey[key, default: []].append(group) }
        if keysOfGroup[group]?.contains(key) != true { keysOfGroup[group, default: []].append(key) }
    }

    /// The assessments no later row joins, once row `number` counted under `key` is read.
    mutating func ready(after number: Int, key: String) -> [ItemAnswer.Group] {
        guard releases else { return [] }
        let lastRow: Int?
        if let lastLookedUp, lastLookedUp.key == key {
            lastRow = lastLookedUp.lastRow
        } else {
            lastRow = lastRows[key]
            lastLookedUp = (key, lastRow)
        }
        guard lastRow == number, let groups = groupsOfKey.removeValue(forKey: key) else { return [] }
        var ready: [ItemAnswer.Group] = []
        for group in groups {
            guard let keys = keysOfGroup[group], keys.allSatisfy({ (lastRows[$0] ?? 0) <= number }) else { continue }
            keysOfGroup[group] = nil
            ready.append(group)
        }
        return ready
    }
}
