import Foundation

/// The live-reload protocol between the server and open browser tabs: the script, its injection into HTML
/// responses, and the server-sent events.
///
/// Nothing of this is written into the output folder: the script is added to HTML responses as they are served.
package enum LiveReload {
    /// Where the server serves the live-reload script.
    package static let scriptPath = "/__kennisbank/live.js"
    /// Where the server streams events (`text/event-stream`).
    package static let eventsPath = "/__kennisbank/events"
    /// The tag inserted into every served HTML page.
    package static let scriptTag = "<script src=\"\(scriptPath)\" defer></script>"

    /// The page with ``scriptTag`` inserted before its last `</body>` (any case), or appended when there is none.
    package static func inject(into html: String) -> String {
        if let range = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            var copy = html
            copy.insert(contentsOf: scriptTag, at: range.lowerBound)
            return copy
        }
        return html + scriptTag
    }

    /// The page's bytes with ``scriptTag`` inserted (see ``inject(into:)``).
    package static func inject(into html: Data) -> Data {
        Data(inject(into: String(decoding: html, as: UTF8.self)).utf8)
    }

    /// The browser side: reloads on `reload`, shows a dismissible overlay on `build-error`, and reloads after
    /// reconnecting to a server that has built since the page was loaded.
    package static let script = #"""
    // Kennisbank live reload: served by `kennisbank serve` only, never part of the built site.
    (function () {
      "use strict";
      if (!window.EventSource || window.__kennisbankLiveReload) { return; }
      window.__kennisbankLiveReload = true;
      var overlayID = "kennisbank-build-error";
      var firstBuild = null;

      function hideOverlay() {
        var overlay = document.getElementById(overlayID);
        if (overlay) { overlay.parentNode.removeChild(overlay); }
      }

      function showOverlay(text) {
        hideOverlay();
        var overlay = document.createElement("div");
        overlay.id = overlayID;
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("aria-label", "Build failed");
        overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;box-sizing:border-box;" +
          "padding:1.5rem 2rem;background:#18181b;color:#f4f4f5;" +
          "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left;";
        var bar = document.createElement("div");
        bar.style.cssText = "display:flex;justify-content:space-between;align-items:center;gap:1rem;margin-bottom:1rem;";
        var title = document.createElement("strong");
        title.style.cssText = "color:#fca5a5;font-size:16px;";
        title.textContent = "Build failed: the last good site is shown. Save a fix and this page reloads.";
        var close = document.createElement("button");
        close.type = "button";
        close.textContent = "Close \u00d7";
        close.setAttribute("aria-label", "Close the build error overlay");
        close.style.cssText = "font:inherit;padding:.25rem .75rem;cursor:pointer;border:1px solid #71717a;" +
          "border-radius:4px;background:#27272a;color:#f4f4f5;";
        close.addEventListener("click", hideOverlay);
        var details = document.createElement("pre");
        details.style.cssText = "margin:0;white-space:pre-wrap;word-break:break-word;font:inherit;color:#f4f4f5;";
        details.textContent = text;  // text, never markup: the diagnostics are shown escaped
        bar.appendChild(title);
        bar.appendChild(close);
        overlay.appendChild(bar);
        overlay.appendChild(details);
        document.body.appendChild(overlay);
        close.focus();
      }

      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { hideOverlay(); }
      });

      var source = new EventSource("/__kennisbank/events");
      source.addEventListener("hello", function (event) {
        window.__kennisbankLiveReloadConnected = true;  // for a test to wait on, instead of a fixed time
        if (firstBuild === null) { firstBuild = event.data; }
        else if (event.data !== firstBuild) { location.reload(); }
      });
      source.addEventListener("reload", function () { location.reload(); });
      source.addEventListener("build-error", function (event) { showOverlay(event.data); });
    })();
    """#
}

/// One server-sent event for the open tabs.
package enum ServerEvent: Sendable, Equatable {
    /// Sent first on every connection: the number of the last successful build.
    case hello(build: Int)
    /// A build succeeded: reload the page.
    case reload(build: Int)
    /// A build failed: show the diagnostics (plain text, one `path:line:column: error: message` block each).
    case buildError(String)
    /// A comment that keeps the connection alive and finds closed connections.
    case keepAlive

    /// The event in the `text/event-stream` wire format, ending in a blank line.
    package var wireFormat: String {
        switch self {
        case .hello(let build): return "retry: 1000\nevent: hello\ndata: \(build)\n\n"
        case .reload(let build): return "event: reload\ndata: \(build)\n\n"
        case .buildError(let text):
            // Every line of the text is its own `data:` line; the browser joins them with newlines.
            let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                .split(separator: "\n", omittingEmptySubsequences: false)
            let trimmed = lines.last == "" ? lines.dropLast() : lines[...]
            return "event: build-error\n" + trimmed.map { "data: \($0)\n" }.joined() + "\n"
        case .keepAlive: return ": keep-alive\n\n"
        }
    }
}

/// Fans events out to every open event stream, and remembers the state a new tab must see first.
package final class LiveReloadHub: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [Int: AsyncStream<ServerEvent>.Continuation] = [:]
    private var nextID = 0
    private var build = 0
    private var failure: String?
    private var finished = false

    /// Creates a hub with no subscribers.
    package init() {}

    /// The number of open event streams.
    package var subscriberCount: Int {
        lock.withLock { subscribers.count }
    }

    /// A new event stream: first `hello`, then the current build error if the last build failed, then every event.
    package func subscribe() -> AsyncStream<ServerEvent> {
        let (stream, continuation) = AsyncStream<ServerEvent>.makeStream(bufferingPolicy: .bufferingNewest(32))
        let id: Int? = lock.withLock {
            guard !finished else { return nil }
            let id = nextID
            nextID += 1
            subscribers[id] = continuation
            continuation.yield(.hello(build: build))
            if let failure { continuation.yield(.buildError(failure)) }
            return id
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Records a successful build and tells every tab to reload.
    package func buildSucceeded() {
        broadcast { build += 1; failure = nil; return .reload(build: build) }
    }

    /// Records a failed build and shows its diagnostics in every tab.
    package func buildFailed(_ text: String) {
        broadcast { failure = text; return .buildError(text) }
    }

    /// Sends a keep-alive comment to every tab.
    package func keepAlive() {
        broadcast { .keepAlive }
    }

    /// Ends every stream, and every later one at once: the server is shutting down.
    package func finishAll() {
        let open: [AsyncStream<ServerEvent>.Continuation] = lock.withLock {
            finished = true
            defer { subscribers.removeAll() }
            return Array(subscribers.values)
        }
        open.forEach { $0.finish() }
    }

    private func broadcast(_ update: () -> ServerEvent) {
        lock.withLock {
            let event = update()
            for continuation in subscribers.values { continuation.yield(event) }
        }
    }
}
