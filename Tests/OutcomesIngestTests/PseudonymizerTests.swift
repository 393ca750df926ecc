import Foundation
import Testing
@testable import OutcomesIngest

@Suite("Pseudonymizer")
struct PseudonymizerTests {
    @Test func stableForTheSameKeyAndTrimmed() {
        let first = Pseudonymizer(key: TestFiles.key)
        let second = Pseudonymizer(key: TestFiles.key)
        #expect(first.pseudonym(for: "MRN-001") == second.pseudonym(for: "MRN-001"))
        #expect(first.pseudonym(for: "  MRN-001\t") == first.pseudonym(for: "MRN-001"))
        #expect(first.pseudonym(for: "MRN-001") != first.pseudonym(for: "MRN-002"))
    }

    @Test func theRememberedPseudonymIsOnlyEverTheOneOfTheIdentifierGiven() {
        let pseudonymizer = Pseudonymizer(key: TestFiles.key)
        let recent = RecentPseudonym(pseudonymizer)
        // Repeats, a change back and forth, padding (the same pseudonym, made again) and blank.
        let identifiers = ["MRN-001", "MRN-001", "MRN-002", "MRN-001", " MRN-001", "MRN-001", "", "MRN-002"]
        #expect(identifiers.map(recent.pseudonym(for:)) == identifiers.map(pseudonymizer.pseudonym(for:)))
        #expect(Set(identifiers.map(recent.pseudonym(for:))).count == 3)
    }

    @Test func differentForAnotherKey() {
        let other = Pseudonymizer(key: [UInt8](repeating: 8, count: 32))
        #expect(other.pseudonym(for: "MRN-001") != Pseudonymizer(key: TestFiles.key).pseudonym(for: "MRN-001"))
    }

    @Test func sixtyFourLowercaseHexDigits() {
        let pseudonym = Pseudonymizer(key: Pseudonymizer.newKey()).pseudonym(for: "MRN-001")
        #expect(pseudonym.count == 64)
        #expect(pseudonym.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func matchesRFC4231TestCase2() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        let pseudonym = Pseudonymizer(key: Array("Jefe".utf8)).pseudonym(for: "what do ya want for nothing?")
        #expect(pseudonym == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func newKeysAre32RandomBytes() {
        let key = Pseudonymizer.newKey()
        #expect(key.count == 32)
        #expect(key != Pseudonymizer.newKey())
    }
}

@Suite("File digest")
struct FileDigestTests {
    @Test func sha256OfKnownContent() throws {
        // SHA-256("abc") from FIPS 180-2, appendix B.1
        let path = try TestFiles.write("abc")
        #expect(try FileDigest.sha256(path: path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func sha256OfEmptyFile() throws {
        let path = try TestFiles.write("")
        #expect(try FileDigest.sha256(path: path) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func sha256OfOneMillionA() throws {
        // FIPS 180-2, appendix B.3
        let path = try TestFiles.write([UInt8](repeating: 0x61, count: 1_000_000))
        #expect(try FileDigest.sha256(path: path) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func sha256AcrossChunks() throws {
        // 3,000,000 "a"s span three 1 MiB reads; digest from Python's hashlib.sha256(b"a" * 3000000)
        let path = try TestFiles.write([UInt8](repeating: 0x61, count: 3_000_000))
        #expect(try FileDigest.sha256(path: path) == "2a152c894398719c0570f83fac34ac03a0f6e8e474b995c2403aa5434f7b9dd4")
    }
}

@Suite("File digests computed ahead")
struct FileDigestsTests {
    @Test func eachFileGetsItsDigestWhicheverOrderTheyAreAskedIn() throws {
        // The FIPS 180-2 digests of "abc" and of the empty text; a path given twice is hashed once
        // and answers twice; a path not given is hashed when asked.
        let abc = try TestFiles.write("abc")
        let empty = try TestFiles.write("")
        let later = try TestFiles.write("abc")
        let digests = FileDigests(paths: [abc, empty, abc])
        #expect(try digests.sha256(of: empty) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(try digests.sha256(of: abc) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try digests.sha256(of: abc) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try digests.sha256(of: later) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func aFileThatCannotBeReadFailsWhenItsDigestIsAskedFor() throws {
        // The missing file comes first: the one after it is still hashed.
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID()).csv").path
        let abc = try TestFiles.write("abc")
        let digests = FileDigests(paths: [missing, abc])
        #expect(try digests.sha256(of: abc) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(throws: IngestFileError.self) { try digests.sha256(of: missing) }
    }

    @Test func theHashingThreadIsPutInLinuxsIdleClass() async {
        // SCHED_IDLE is policy 5 in <linux/sched.h>; a thread's policy is its own, so the test
        // asks on a thread of its own, as the digests' thread does.
        let policy = await withCheckedContinuation { (answer: CheckedContinuation<Int32, Never>) in
            Thread {
                FileDigests.runAtIdlePriority()
                answer.resume(returning: sched_getscheduler(0))
            }.start()
        }
        #expect(policy == 5)
    }
}
