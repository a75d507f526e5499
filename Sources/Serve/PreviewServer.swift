import FieldbookCore
import FieldbookModel
import FlyingFox
import FlyingSocks
import Foundation

/// `fieldbook serve`: builds the portal into a preview folder, serves it over HTTP on loopback, watches the sources,
/// rebuilds on change and makes open pages reload. A failed rebuild keeps the last good portal and shows its
/// diagnostics over the page and in the terminal.
package final class PreviewServer: Sendable {
    package let options: BuildOptions
    package let host: String
    package let port: UInt16
    private let reload = LiveReload()
    private let files: StaticFiles
    private let report: @Sendable (String) -> Void

    /// `options.output` is the preview folder (not `public/`, so drafts never leak into a deploy).
    package init(options: BuildOptions, host: String, port: UInt16, report: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.host = host
        self.port = port
        self.files = StaticFiles(root: options.outputPath)
        self.report = report
    }

    /// Why the preview could not start listening.
    package enum Failure: Error, Equatable {
        /// Another program listens on the port.
        case portInUse(UInt16)
        /// Anything else the system refused: an address that is not IPv4, a port below 1024 without privileges.
        case cannotListen(host: String, port: UInt16, reason: String)
    }

    /// Listens first (so a busy port fails at once, before any build and before "Serving at" is printed), builds,
    /// reports the address it got (`port` 0 lets the system choose a free one), then serves until the process ends.
    /// Throws `Failure` when it cannot listen.
    package func run() async throws {
        let address: sockaddr_in
        do {
            address = try .inet(ip4: host == "localhost" ? "127.0.0.1" : host, port: port)
        } catch {
            throw Failure.cannotListen(host: host, port: port, reason: "\(host) is not an IPv4 address")
        }
        // FlyingFox logs every request; the terminal is for rebuilds and errors.
        let server = HTTPServer(address: address, timeout: 14, logger: .disabled)
        await server.appendRoute("GET /__fieldbook/wait") { [reload] request in
            let seen = Int(request.query["v"] ?? "") ?? -1
            let body = await reload.wait(after: seen)
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: body)
        }
        await server.appendRoute("GET *") { [self] request in await self.respond(to: request) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [host, port] in
                do {
                    try await server.run()
                } catch SocketError.failed(let call, let code, let message) where ["bind", "listen"].contains(call.lowercased()) {
                    throw code == EADDRINUSE ? Failure.portInUse(port) : Failure.cannotListen(host: host, port: port, reason: message)
                }
            }
            group.addTask { try await server.waitUntilListening(timeout: 600) }
            // Whichever ends first: the socket listens, or binding it failed (which ends the group with that error).
            try await group.next()
            await rebuild()
            let bound: UInt16 = if case .ip4(_, let actual) = await server.listeningAddress { actual } else { port }
            let debouncer = Debouncer { [self] in await self.rebuild() }
            FileWatcher(portal: options.portal) { debouncer.signal() }.start()
            report(
                "Serving \(options.portal) at http://\(host):\(bound)/ (drafts \(options.includeDrafts ? "shown" : "hidden")); press Ctrl-C to stop.")
            try await group.next()
        }
    }

    /// Rebuilds into the preview folder; on errors the previous build stays served.
    package func rebuild() async {
        let start = Date()
        // The build is synchronous and uses every core: run it off the cooperative pool so the server keeps answering.
        let options = self.options
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Result { () throws(DiagnosticsError) in try Pipeline.build(options) }) }
        }
        switch result {
        case .success(let portal):
            await reload.succeeded()
            report("Rebuilt \(portal.pageCount) pages in \(String(format: "%.0f", Date().timeIntervalSince(start) * 1000)) ms")
        case .failure(let error):
            await reload.failed(error.diagnostics)
            report(error.diagnostics.map(\.description).joined(separator: "\n") + "\nRebuild failed; still serving the last good portal.")
        }
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        // The raw target: FlyingFox's `path` is standardized (no trailing slash), and the resolver does its own checks.
        switch files.resolve(request.target.path(percentEncoded: true)) {
        case .forbidden:
            return HTTPResponse(statusCode: .forbidden)
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: location])
        case .notFound:
            let page = (try? Data(contentsOf: URL(fileURLWithPath: files.root + "/404.html"))) ?? Data("Not found".utf8)
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8"], body: Self.injected(page))
        case .file(let path):
            guard var data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { return HTTPResponse(statusCode: .notFound) }
            let type = StaticFiles.contentType(of: path)
            if type.hasPrefix("text/html") { data = Self.injected(data) }
            let etag = StaticFiles.etag(data)
            if request.headers[.ifNoneMatch] == etag {
                return HTTPResponse(statusCode: .notModified, headers: [.eTag: etag])
            }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .eTag: etag, .cacheControl: "no-cache"], body: data)
        }
    }

    /// The page with the live-reload script before `</body>`.
    static func injected(_ page: Data) -> Data {
        let html = String(decoding: page, as: UTF8.self)
        guard let end = html.range(of: "</body>", options: .backwards) else { return Data((html + LiveReload.snippet).utf8) }
        return Data(html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: LiveReload.snippet).utf8)
    }
}
