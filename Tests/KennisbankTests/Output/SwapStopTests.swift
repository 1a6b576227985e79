import Foundation
import XCTest
@testable import Kennisbank
@testable import KennisbankCore
@testable import KennisbankRendering
@testable import KennisbankIncremental

/// A build killed while it swaps the new site in, for real: the `kennisbank` executable runs under `strace`, which
/// kills it (SIGKILL) as it enters the exchange, or one of the two renames of the fallback (`KENNISBANK_SWAP=renames`).
/// The output folder is then the old site or the new one, whole; or, between the two renames, missing with the old
/// site beside it, which the next build puts back, even a build that then fails.
final class SwapStopTests: XCTestCase {
    private var folder: URL!
    private var output: URL { folder.appendingPathComponent("Site") }
    private var article: URL { folder.appendingPathComponent("Content/articles/a.md") }
    private let manager = FileManager.default
    private let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    override func setUpWithError() throws {
        folder = try temporaryFolder(["Content/site.yml": "title: Proef\n", "Content/articles/a.md": "---\ntitle: Oud\n---\nDe oude tekst.\n"])
    }

    /// Runs `kennisbank build` on the test's content, under `strace` with `arguments` when given.
    private func build(strace arguments: [String]? = nil, environment: [String: String] = [:]) throws -> (status: Int32, errors: String) {
        let process = Process()
        let command = ["build", "--content", "Content", "--output", "Site"]
        if let arguments, let strace {
            process.executableURL = URL(fileURLWithPath: strace)
            process.arguments = ["-f", "-o", "/dev/null"] + arguments + [KennisbankExecutable.url.path] + command
        } else {
            process.executableURL = KennisbankExecutable.url
            process.arguments = command
        }
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: text, as: UTF8.self))
    }

    /// Skips the test where `strace` is missing or may not trace (a container without ptrace).
    private func requireStrace() throws {
        guard let strace else { throw XCTSkip("strace is missing: Scripts/install-dependencies.sh --test installs it") }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: strace)
        probe.arguments = ["-o", "/dev/null", "/bin/true"]
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else { throw XCTSkip("strace cannot trace processes here (ptrace is not permitted)") }
        XCTAssertTrue(manager.isExecutableFile(atPath: KennisbankExecutable.url.path), "build the kennisbank product first (swift build --build-tests)")
    }

    /// The old site, built, and the content changed for a new one: returns the old site's files.
    private func oldSiteAndNewContent() throws -> [String: Data] {
        XCTAssertEqual(try build().status, 0)
        let old = try files(under: output)
        XCTAssertTrue(String(decoding: old["artikelen/a/index.html"] ?? Data(), as: UTF8.self).contains("De oude tekst."))
        try "---\ntitle: Nieuw\n---\nDe nieuwe tekst.\n".write(to: article, atomically: true, encoding: .utf8)
        return old
    }

    /// The entries beside the output folder other than the content and the output folder: left-overs.
    private func leftovers() throws -> [String] {
        try manager.contentsOfDirectory(atPath: folder.path).filter { $0 != "Content" && $0 != "Site" }.sorted()
    }

    private func assertNewSite(file: StaticString = #filePath, line: UInt = #line) throws {
        let page = String(decoding: try files(under: output)["artikelen/a/index.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(page.contains("De nieuwe tekst."), "the new site", file: file, line: line)
        XCTAssertEqual(try leftovers(), [], file: file, line: line)
    }

    /// Killed at the exchange: the old site, whole; the next build swaps the new one in and removes the staging folder.
    func testABuildKilledAtTheExchangeLeavesTheOldSiteWhole() throws {
        try requireStrace()
        let old = try oldSiteAndNewContent()
        let killed = try build(strace: ["-e", "inject=renameat2:signal=SIGKILL"])
        XCTAssertNotEqual(killed.status, 0, "the build was killed")
        XCTAssertEqual(try files(under: output), old, "the old site, whole")
        XCTAssertEqual(try leftovers().count, 1, "the staging folder")
        XCTAssertEqual(try build().status, 0)
        try assertNewSite()
    }

    /// Killed after the exchange, while it removes the old site (which then sits at the staging path): the new site,
    /// whole; the next build removes what is left of the old one.
    func testABuildKilledWhileItRemovesTheOldSiteLeavesTheNewSiteWhole() throws {
        try requireStrace()
        _ = try oldSiteAndNewContent()
        // The first unlink is the writer's look for a staging folder of its own when it starts (there is none).
        let killed = try build(strace: ["-e", "inject=unlink,unlinkat:signal=SIGKILL:when=2"])
        XCTAssertNotEqual(killed.status, 0)
        let page = String(decoding: try files(under: output)["artikelen/a/index.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(page.contains("De nieuwe tekst."))
        XCTAssertEqual(try leftovers().count, 1, "what is left of the old site")
        XCTAssertEqual(try build().status, 0)
        try assertNewSite()
    }

    /// Killed at the first rename of the fallback: nothing was moved yet, so the old site is there, whole.
    func testABuildKilledAtTheFirstRenameLeavesTheOldSiteWhole() throws {
        try requireStrace()
        let old = try oldSiteAndNewContent()
        let killed = try build(strace: ["-e", "inject=rename,renameat,renameat2:signal=SIGKILL:when=1"], environment: ["KENNISBANK_SWAP": "renames"])
        XCTAssertNotEqual(killed.status, 0)
        XCTAssertEqual(try files(under: output), old)
        XCTAssertEqual(try build().status, 0)
        try assertNewSite()
    }

    /// Killed between the two renames of the fallback: no output folder, the old site beside it. The next build puts
    /// it back first and says so; when that build fails, the old site stays, whole, and the build says it was not
    /// changed; a build that succeeds then swaps the new site in.
    func testABuildKilledBetweenTheRenamesIsPutBackByTheNextBuildEvenOneThatFails() throws {
        try requireStrace()
        let old = try oldSiteAndNewContent()
        let killed = try build(strace: ["-e", "inject=rename,renameat,renameat2:signal=SIGKILL:when=2"], environment: ["KENNISBANK_SWAP": "renames"])
        XCTAssertNotEqual(killed.status, 0)
        XCTAssertFalse(manager.fileExists(atPath: output.path), "stopped between the renames")
        let retired = try XCTUnwrap(try leftovers().first { $0.hasPrefix(".Site.old-") })
        XCTAssertEqual(try files(under: folder.appendingPathComponent(retired)), old)

        try "---\ntitle: [Kapot\n---\nTekst.\n".write(to: article, atomically: true, encoding: .utf8)
        let failed = try build()
        XCTAssertEqual(failed.status, 1, failed.errors)
        XCTAssertTrue(failed.errors.contains("The output folder '\(output.standardizedFileURL.path)' was missing, left so by a build stopped while it "
                                             + "swapped in a new site; the site it replaced was put back from '\(retired)'.\n"), failed.errors)
        XCTAssertTrue(failed.errors.hasSuffix("; Site/ was not changed.\n"), failed.errors)
        XCTAssertEqual(try files(under: output), old, "the last good site, whole")
        XCTAssertEqual(try leftovers(), [])

        try "---\ntitle: Nieuw\n---\nDe nieuwe tekst.\n".write(to: article, atomically: true, encoding: .utf8)
        let built = try build()
        XCTAssertEqual(built.status, 0)
        XCTAssertFalse(built.errors.contains("put back"), "said once")
        try assertNewSite()
    }

    /// The swap of a first build is one rename, which happens or not: killed there, it leaves no site and nothing to
    /// put back, and a failed build then says that it wrote no site rather than that it left one unchanged.
    func testAFirstBuildKilledAtItsRenameLeavesNoHalfSite() throws {
        try requireStrace()
        let killed = try build(strace: ["-e", "inject=rename,renameat,renameat2:signal=SIGKILL"])
        XCTAssertNotEqual(killed.status, 0)
        XCTAssertFalse(manager.fileExists(atPath: output.path))
        try "---\ntitle: [Kapot\n---\nTekst.\n".write(to: article, atomically: true, encoding: .utf8)
        let failed = try build()
        XCTAssertEqual(failed.status, 1, failed.errors)
        XCTAssertTrue(failed.errors.hasSuffix("; no site was written to Site/.\n"), failed.errors)
        XCTAssertFalse(manager.fileExists(atPath: output.path))
        XCTAssertEqual(try leftovers(), [])
    }

    /// `serve` puts a site set aside back first too, so that it is served even when its first build fails.
    func testServePutsASiteSetAsideBackEvenWhenItsFirstBuildFails() throws {
        let retired = folder.appendingPathComponent(".Site.old-2147483000")
        try SiteWriter.write([OutputFile(path: "index.html", text: "oud")], to: retired)
        try "---\ntitle: [Kapot\n---\nTekst.\n".write(to: article, atomically: true, encoding: .utf8)
        let build = repositoryTemplatesBuild(of: folder.appendingPathComponent("Content").path, into: output.path)
        XCTAssertThrowsError(try IncrementalBuild(build: build).run()) { error in
            XCTAssertEqual((error as? BuildFailure)?.notes, [
                "The output folder '\(output.standardizedFileURL.path)' was missing, left so by a build stopped while it swapped in a new site; "
                    + "the site it replaced was put back from '.Site.old-2147483000'.",
            ])
        }
        XCTAssertEqual(try files(under: output), ["index.html": Data("oud".utf8), SiteManifest.manifestName: SiteManifest.manifest(["index.html"])])
        XCTAssertEqual(try leftovers(), [])
    }

    /// Of two retired folders the newest is put back; the other is named and left as it was.
    func testTheNewestOfTwoRetiredFoldersIsPutBack() throws {
        let older = folder.appendingPathComponent(".Site.old-2147483001"), newer = folder.appendingPathComponent(".Site.old-2147483000")
        for (retired, text) in [(older, "ouder"), (newer, "nieuwer")] {
            try manager.createDirectory(at: retired, withIntermediateDirectories: true)
            try FileWriting.write(Data(text.utf8), to: retired.path + "/index.html")
            try FileWriting.write(SiteManifest.manifest(["index.html"]), to: retired.path + "/" + SiteManifest.manifestName)
        }
        try manager.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: older.path)
        let writer = try SiteWriter(directory: output)
        writer.discard()
        XCTAssertEqual(writer.notes, ["The output folder '\(output.standardizedFileURL.path)' was missing, left so by a build stopped while it swapped in a new site; "
                                      + "the site it replaced was put back from '.Site.old-2147483000'. Older ones were left as they were; the next build "
                                      + "removes them: '.Site.old-2147483001'."])
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8), "nieuwer")
        XCTAssertEqual(try String(contentsOf: older.appendingPathComponent("index.html"), encoding: .utf8), "ouder")
    }
}
