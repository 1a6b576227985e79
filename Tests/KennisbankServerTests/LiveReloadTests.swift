import Foundation
import XCTest
@testable import KennisbankServer

/// The live-reload script's injection, the event wire format, the hub and the watcher.
final class LiveReloadTests: XCTestCase {
    let tag = LiveReload.scriptTag

    func testScriptGoesBeforeTheLastClosingBody() {
        XCTAssertEqual(LiveReload.inject(into: "<html><body><p>x</p></body></html>"),
                       "<html><body><p>x</p>\(tag)</body></html>")
        XCTAssertEqual(LiveReload.inject(into: "<BODY>a</BODY>\n"), "<BODY>a\(tag)</BODY>\n")
        // A `</body>` inside the text (escaped or in a script) comes before the real one: the last one wins.
        XCTAssertEqual(LiveReload.inject(into: "<body><pre>&lt;/body&gt; </body></pre></body>"),
                       "<body><pre>&lt;/body&gt; </body></pre>\(tag)</body>")
        XCTAssertEqual(LiveReload.inject(into: "<p>fragment</p>"), "<p>fragment</p>\(tag)")
        XCTAssertEqual(LiveReload.inject(into: Data("<body>é</body>".utf8)), Data("<body>é\(tag)</body>".utf8))
        XCTAssertEqual(tag, "<script src=\"/__kennisbank/live.js\" defer></script>")
    }

    func testTheScriptShowsTextNotMarkup() {
        XCTAssertTrue(LiveReload.script.contains("new EventSource(\"/__kennisbank/events\")"))
        XCTAssertTrue(LiveReload.script.contains("addEventListener(\"reload\""))
        XCTAssertTrue(LiveReload.script.contains("addEventListener(\"build-error\""))
        XCTAssertTrue(LiveReload.script.contains("details.textContent = text"))
        XCTAssertFalse(LiveReload.script.contains("innerHTML"))
        XCTAssertTrue(LiveReload.script.contains("position:fixed"))
    }

    func testEventWireFormat() {
        XCTAssertEqual(ServerEvent.reload(build: 3).wireFormat, "event: reload\ndata: 3\n\n")
        XCTAssertEqual(ServerEvent.hello(build: 0).wireFormat, "retry: 1000\nevent: hello\ndata: 0\n\n")
        XCTAssertEqual(ServerEvent.keepAlive.wireFormat, ": keep-alive\n\n")
        // Every line its own data line, so a blank line in the text cannot end the event early.
        XCTAssertEqual(ServerEvent.buildError("a.md:1:2: error: <b>x</b>\n    ^\n\nnext\n").wireFormat,
                       "event: build-error\ndata: a.md:1:2: error: <b>x</b>\ndata:     ^\ndata: \ndata: next\n\n")
        XCTAssertEqual(ServerEvent.buildError("one\r\ntwo").wireFormat, "event: build-error\ndata: one\ndata: two\n\n")
    }

    func testHubGreetsReplaysTheErrorAndBroadcasts() async {
        let hub = LiveReloadHub()
        hub.buildFailed("x.md:1:1: error: kapot")
        var iterator = hub.subscribe().makeAsyncIterator()
        var next = await iterator.next()
        XCTAssertEqual(next, .hello(build: 0))
        next = await iterator.next()
        XCTAssertEqual(next, .buildError("x.md:1:1: error: kapot"), "a new tab sees the current error")
        hub.buildSucceeded()
        next = await iterator.next()
        XCTAssertEqual(next, .reload(build: 1))
        XCTAssertEqual(hub.subscriberCount, 1)

        var later = hub.subscribe().makeAsyncIterator()
        next = await later.next()
        XCTAssertEqual(next, .hello(build: 1), "no stale error after a good build")
        hub.finishAll()
        next = await iterator.next()
        XCTAssertNil(next)
        XCTAssertEqual(hub.subscriberCount, 0)
        var afterFinish = hub.subscribe().makeAsyncIterator()
        next = await afterFinish.next()
        XCTAssertNil(next)
    }

    func testWatcherSeesAddedChangedAndRemovedFiles() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("een".utf8).write(to: folder.appendingPathComponent("sub/a.md"))
        try Data("swap".utf8).write(to: folder.appendingPathComponent(".a.md.swp"))
        let watcher = ContentWatcher(directories: [folder.path])
        let before = watcher.snapshot()
        XCTAssertEqual(before.keys.sorted(), [folder.path + "/sub/a.md"], "hidden files are skipped")

        try Data("twee".utf8).write(to: folder.appendingPathComponent("sub/a.md"))  // same size, new time
        try Data("b".utf8).write(to: folder.appendingPathComponent("b.md"))
        XCTAssertEqual(ContentWatcher.changes(from: before, to: watcher.snapshot()), [folder.path + "/b.md", folder.path + "/sub/a.md"])

        let middle = watcher.snapshot()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("sub/a.md"))
        XCTAssertEqual(ContentWatcher.changes(from: middle, to: watcher.snapshot()), [folder.path + "/sub/a.md"])
    }

    func testWatchReportsOneBatchAfterAQuietPeriod() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A debounce far longer than three writes take, however busy the machine: they fall in one quiet period.
        let watcher = ContentWatcher(directories: [folder.path], interval: .milliseconds(20), debounce: .milliseconds(400))
        let batches = Locked<[[String]]>([])
        // Started from a look taken here, so the writes below come after it whenever the task starts.
        let start = watcher.snapshot()
        let task = Task { await watcher.watch(from: start, onChange: { batch in batches.update { $0.append(batch) } }) }
        defer { task.cancel() }
        for name in ["a.md", "b.md", "c.md"] {
            try Data(name.utf8).write(to: folder.appendingPathComponent(name))
        }
        try await batch(1, of: batches, is: ["a.md", "b.md", "c.md"].map { folder.path + "/" + $0 })
    }

    #if os(Linux)
    /// On Linux the watcher looks only when inotify says something happened: with no full looks at all, it still
    /// reports a file written in a folder made while it watches, and a file removed; the signal is quiet when nothing
    /// happened.
    func testOnLinuxInotifyTellsTheWatcherWhenToLook() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var watcher = ContentWatcher(directories: [folder.path], interval: .milliseconds(20), debounce: .milliseconds(40))
        watcher.fullLookInterval = .seconds(3600)
        let signal = try XCTUnwrap(watcher.signal, "inotify is there on Linux")
        _ = watcher.snapshot()
        _ = signal.drain()
        XCTAssertEqual(signal.drain(), .none, "quiet when nothing happened")

        let batches = Locked<[[String]]>([])
        let start = watcher.snapshot()
        let task = Task { await watcher.watch(from: start, onChange: { batch in batches.update { $0.append(batch) } }) }
        defer { task.cancel() }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nieuw"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: folder.appendingPathComponent("nieuw/a.md"))
        try await batch(1, of: batches, is: [folder.path + "/nieuw/a.md"])
        // The new folder is watched now: a change inside it alone is seen.
        try Data("langer".utf8).write(to: folder.appendingPathComponent("nieuw/a.md"))
        try await batch(2, of: batches, is: [folder.path + "/nieuw/a.md"])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("nieuw/a.md"))
        try await batch(3, of: batches, is: [folder.path + "/nieuw/a.md"])
    }

    /// The signal names the files an event is about, so that the watcher looks at those alone; a hidden file is
    /// left out, and an event about a folder asks for a look at every file.
    func testOnLinuxTheSignalNamesTheFilesThatChanged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("een".utf8).write(to: folder.appendingPathComponent("sub/a.md"))
        let watcher = ContentWatcher(directories: [folder.path])
        let signal = try XCTUnwrap(watcher.signal, "inotify is there on Linux")
        _ = watcher.snapshot()
        _ = signal.drain()

        try Data("twee".utf8).write(to: folder.appendingPathComponent("sub/a.md"))
        try Data("b".utf8).write(to: folder.appendingPathComponent("b.md"))
        try Data("swap".utf8).write(to: folder.appendingPathComponent(".b.md.swp"))
        XCTAssertEqual(signal.drain(), .files([folder.path + "/sub/a.md", folder.path + "/b.md"]))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("b.md"))
        XCTAssertEqual(signal.drain(), .files([folder.path + "/b.md"]))
        try Data("swap".utf8).write(to: folder.appendingPathComponent(".b.md.swp"))
        XCTAssertEqual(signal.drain(), .files([]), "a hidden file is no file of the site")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nieuw"), withIntermediateDirectories: true)
        XCTAssertEqual(signal.drain(), .anything, "a new folder's files are found by a look at every file")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("sub"))
        XCTAssertEqual(signal.drain(), .anything)
    }
    #endif

    /// A watched folder that does not exist yet (a templates folder the author makes while serving) is found by the
    /// full look, which inotify cannot replace.
    func testAWatchedFolderMadeLaterIsFound() async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let later = base.appendingPathComponent("Templates")
        var watcher = ContentWatcher(directories: [later.path], interval: .milliseconds(20), debounce: .milliseconds(40))
        watcher.fullLookInterval = .milliseconds(200)
        let batches = Locked<[[String]]>([])
        let start = watcher.snapshot()
        let task = Task { await watcher.watch(from: start, onChange: { batch in batches.update { $0.append(batch) } }) }
        defer { task.cancel() }
        try FileManager.default.createDirectory(at: later, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: later.appendingPathComponent("style.css"))
        try await batch(1, of: batches, is: [later.path + "/style.css"])
    }

    /// Waits up to ten seconds for the `number`th batch and compares it.
    private func batch(_ number: Int, of batches: Locked<[[String]]>, is expected: [String]) async throws {
        let deadline = Date().addingTimeInterval(10)
        while batches.value.count < number && Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        XCTAssertEqual(batches.value.count >= number ? batches.value[number - 1] : nil, expected, "batch \(number) within 10 s")
        XCTAssertEqual(batches.value.count, number, "no other batch")
    }
}
