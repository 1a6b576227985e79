import Hummingbird
import HummingbirdCore
import NIOCore
import NIOHTTP1

/// Closes the connections that HTTP/1 says end with their response.
///
/// Hummingbird turns NIO's HTTP/1 requests into version-less `HTTPRequest`s and keeps a connection open unless the
/// request says exactly `Connection: close`; an HTTP/1.0 request, whose connection ends with its response unless it
/// asks for `keep-alive`, was answered and then left waiting (`ab`, `nc`, old proxies hung). This handler sits right
/// after NIO's request decoder, which still knows the version, and gives every request that does not keep its
/// connection alive (``NIOHTTP1/HTTPRequestHead/isKeepAlive``: HTTP/1.0 without `Connection: keep-alive`, any
/// `Connection: close`, in any case) the header `Connection: close`, so Hummingbird closes after the response.
final class ConnectionCloseHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), !head.isKeepAlive else {
            return context.fireChannelRead(data)
        }
        head.headers.replaceOrAdd(name: "connection", value: "close")
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    /// Hummingbird's HTTP/1 server with this handler in every connection's pipeline.
    static var server: HTTPServerBuilder {
        .http1(configuration: .init(additionalChannelHandlers: [Installer()]))
    }

    /// Hummingbird adds its extra handlers after its conversion to version-less requests; this one, when added, puts
    /// a ``ConnectionCloseHandler`` right after NIO's request decoder, ahead of that conversion, and then stays
    /// in the pipeline passing everything on.
    final class Installer: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny

        func handlerAdded(context: ChannelHandlerContext) {
            let pipeline = context.pipeline.syncOperations
            guard let decoder = try? pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self) else {
                preconditionFailure("Hummingbird's HTTP/1 pipeline has NIO's request decoder")
            }
            // Fails only for a connection already closed, which has no request left to mark.
            try? pipeline.addHandler(ConnectionCloseHandler(), position: .after(decoder))
        }
    }
}
