import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankMarkdown
@testable import KennisbankContent
@testable import KennisbankLinking
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// The search index of the real Content: its shards together hold every page once, each in the shard its
/// path hashes to, and each is a script around JSON that the search page can read.
final class SearchIndexTests: XCTestCase {
    private struct Shard: Decodable {
        struct Page: Decodable { let o: Int, t: String, u: String, k: String }
        struct Entry: Decodable { let p: Int, a: String?, h: String?, x: String, w: Int }
        let entries: [Entry]
        let pages: [Page]
    }

    private static let prefix = "(window.KENNISBANK_SEARCH = window.KENNISBANK_SEARCH || []).push(", suffix = ");\n"

    private func build() throws -> Build.Report {
        let root = Fixtures.repository
        return try Build(contentDirectory: root.appendingPathComponent("Content").path,
                         templatesDirectory: root.appendingPathComponent("Templates").path, outputDirectory: "").generate()
    }

    func testTheShardsHoldEveryPageOnceInTheShardItsPathHashesTo() throws {
        let report = try build()
        let content = report.site.content
        let ids = content.articles.map(\.item.id) + content.concepts.map(\.item.id) + content.miniatures.map(\.item.id)
        let count = SearchIndex.shardCount(for: report.site)
        XCTAssertGreaterThan(count, 1, "the real Content has more pages than one shard holds")
        let shardFiles = report.files.filter { $0.path.hasPrefix("search/") }
        XCTAssertEqual(Set(shardFiles.map(\.path)), Set((0..<count).map(SearchIndex.path(ofShard:))))

        var seen: [String: Int] = [:]
        for file in shardFiles {
            let script = String(decoding: file.contents, as: UTF8.self)
            XCTAssertTrue(script.hasPrefix(Self.prefix) && script.hasSuffix(Self.suffix), file.path)
            let json = Data(script.dropFirst(Self.prefix.count).dropLast(Self.suffix.count).utf8)
            let shard = try JSONDecoder().decode(Shard.self, from: json)
            let number = Int(file.path.dropFirst("search/".count).dropLast(".js".count))!
            for page in shard.pages {
                XCTAssertNil(seen[page.u], "\(page.u) is in two shards")
                seen[page.u] = page.o
                XCTAssertEqual(SearchIndex.shard(of: page.u, count: count), number, page.u)
            }
            XCTAssertEqual(shard.pages.map(\.o), shard.pages.map(\.o).sorted(), "a shard lists its pages in the site's order")
            for entry in shard.entries { XCTAssertTrue(shard.pages.indices.contains(entry.p), "\(file.path): entry of page \(entry.p)") }
            XCTAssertEqual(Set(shard.entries.map(\.p)), Set(shard.pages.indices), "every page has its title entry")
        }
        XCTAssertEqual(seen, Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element.link.path, $0.offset) }))

        let search = String(decoding: try XCTUnwrap(report.files.first { $0.path == "zoeken/index.html" }).contents, as: UTF8.self)
        XCTAssertTrue(search.contains("data-shards=\"\(count)\""), "the search page names the number of shards")
    }

    func testTheShardCountIsThePowerOfTwoThatKeepsShardsSmall() {
        for pages in [0, 1, 16, 17, 100, 2_800] {
            let count = SearchIndex.shardCount(pages: pages)
            XCTAssertEqual(count & (count - 1), 0, "\(count) is a power of two")
            XCTAssertGreaterThanOrEqual(count * SearchIndex.pagesPerShard, pages)
            XCTAssertTrue(count == 1 || count / 2 * SearchIndex.pagesPerShard < pages, "\(count) shards for \(pages) pages")
        }
    }

    /// The shard is FNV-1a, not Swift's `Hasher` (seeded per process): a page stays in its shard from build to build.
    func testTheShardHashIsFNV1a() {
        // FNV-1a (64 bits) of "a" is 0xaf63dc4c8601ec8c, and of "foobar" 0x85944171f73967e8.
        XCTAssertEqual(SearchIndex.shard(of: "a", count: 1 << 32), 0x8601_ec8c)
        XCTAssertEqual(SearchIndex.shard(of: "foobar", count: 1 << 32), 0xf739_67e8)
        XCTAssertEqual(SearchIndex.shard(of: "foobar", count: 1 << 4), 0x8)
    }
}
