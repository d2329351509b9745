import Foundation
import GraphModel
import XCTest

final class StringSetTests: XCTestCase {
    func testItemsAreUniqueAndSorted() {
        let s: StringSet = ["b", "a", "c", "a", "b"]
        XCTAssertEqual(Array(s), ["a", "b", "c"])
        XCTAssertEqual(s.count, 3)
        XCTAssertNil(s.single)
        XCTAssertEqual(StringSet(["x", "x"]).single, "x")
        XCTAssertTrue(StringSet().isEmpty)
    }

    /// `Set<String>` treats canonically equivalent strings as one item; so must this.
    func testCanonicalEquivalenceIsOneItem() {
        let composed = "\u{E9}", decomposed = "e\u{301}"
        var s: StringSet = [composed]
        XCTAssertFalse(s.insert(decomposed).inserted)
        XCTAssertTrue(s.contains(decomposed))
        XCTAssertEqual(StringSet([composed, "a", decomposed]).count, 2)
        XCTAssertEqual(StringSet([composed]), StringSet([decomposed]))
        XCTAssertEqual(StringSet([composed]).hashValue, StringSet([decomposed]).hashValue)
    }

    func testInsertRemoveAndUnion() {
        var s = StringSet()
        XCTAssertTrue(s.insert("m").inserted)
        XCTAssertEqual(s.single, "m")
        XCTAssertTrue(s.insert("a").inserted)
        XCTAssertTrue(s.insert("z").inserted)
        XCTAssertFalse(s.insert("a").inserted)
        XCTAssertEqual(s.sorted(), ["a", "m", "z"])
        XCTAssertEqual(s.remove("m"), "m")
        XCTAssertNil(s.remove("q"))
        XCTAssertEqual(s.remove("z"), "z")
        XCTAssertEqual(s.single, "a")
        s.formUnion(["c", "b", "a"] as StringSet)
        XCTAssertEqual(s.sorted(), ["a", "b", "c"])
        s.formUnion(["d", "a"])
        XCTAssertEqual(s.sorted(), ["a", "b", "c", "d"])
        XCTAssertEqual(s.subtracting(["b", "d", "x"]).sorted(), ["a", "c"])
        XCTAssertEqual(s.intersection(["b", "x"]).sorted(), ["b"])
        XCTAssertTrue(StringSet(["a", "c"]).isSubset(of: s))
        XCTAssertFalse(StringSet(["a", "x"]).isSubset(of: s))
        XCTAssertEqual((["q"] as StringSet).union(["p"] as StringSet).sorted(), ["p", "q"])
    }

    /// Merging is order-independent: the same items in any order give equal sets.
    func testUnionIsOrderIndependent() {
        let items = ["delta", "alpha", "Émile", "charlie", "🚀", "bravo", ""]
        var a = StringSet(), b = StringSet()
        for i in items { a.insert(i) }
        for i in items.reversed() { b.formUnion([i] as StringSet) }
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.hashValue, b.hashValue)
        XCTAssertEqual(Array(a), items.sorted())
    }

    func testCodableIsAJSONArray() throws {
        let s: StringSet = ["b", "a\"|"]
        let data = try JSONEncoder().encode(s)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["a\"|","b"]"#)
        XCTAssertEqual(try JSONDecoder().decode(StringSet.self, from: Data(#"["z","y","z"]"#.utf8)).sorted(), ["y", "z"])
    }
}
