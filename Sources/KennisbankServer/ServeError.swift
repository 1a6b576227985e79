import Foundation
import KennisbankCore
import NIOCore

/// Why `serve` could not start listening; nothing is built or written then.
package enum ServeError: Error, Equatable, CustomStringConvertible {
    /// Another program (another `serve`, perhaps) listens on the port.
    case portInUse(host: String, port: Int)
    /// The address cannot be listened on for another reason (a port below 1024, a host this machine does not have).
    case cannotListen(host: String, port: Int, reason: String)

    /// The error of a server that failed while it started: ``portInUse(host:port:)`` when the port is taken.
    init(listening error: any Error, host: String, port: Int) {
        if let error = error as? IOError, error.errnoCode == EADDRINUSE {
            self = .portInUse(host: host, port: port)
        } else {
            self = .cannotListen(host: host, port: port, reason: "\(error)")
        }
    }

    package var description: String {
        switch self {
        case .portInUse(let host, let port):
            return "Port \(port) on \(host) is already in use (another 'kennisbank serve', or another server); "
                + "stop that one, or choose another port with --port (--port 0 picks a free one). Nothing was built."
        case .cannotListen(let host, let port, let reason):
            return Sentence.joined("Cannot listen on \(host) port \(port)", reason) + " Choose another --port or --host. Nothing was built."
        }
    }
}
