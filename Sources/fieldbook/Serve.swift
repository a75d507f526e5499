import ArgumentParser
import FieldbookCore
import FieldbookServe
import Foundation

/// `fieldbook serve`: preview with live reload.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the portal: build, serve it on loopback, rebuild and reload open pages when a file changes.",
        discussion: """
            The preview is built into PORTAL/.fieldbook/serve, never into public/, so drafts shown with --drafts \
            cannot reach a deploy. A failed rebuild keeps the last good portal and shows the errors over the page.
            It listens before it builds: a port in use is one line and exit code 1.
            """)

    @Argument(help: "The portal folder, holding fieldbook.json.")
    var portal: String = "."

    @Option(help: "Port to listen on; 0 picks a free one (the address is printed).")
    var port: UInt16 = 8080

    @Option(help: "Address to listen on; loopback unless you mean to share the preview.")
    var host: String = "127.0.0.1"

    @Flag(help: "Show documents marked \"draft\": true.")
    var drafts = false

    func run() async throws {
        let options = BuildOptions(
            portal: portal, output: portal + "/.fieldbook/serve", baseURL: "/", includeDrafts: drafts,
            cacheFolder: BuildOptions.defaultCacheFolder(portal: portal), keys: BuildOptions.keysFromEnvironment)
        let server = PreviewServer(options: options, host: host, port: port) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        do {
            try await server.run()
        } catch PreviewServer.Failure.portInUse(let port) {
            let next = port < UInt16.max ? "--port \(port + 1) or " : ""
            FileHandle.standardError.write(Data("error: port \(port) is in use; try \(next)--port 0\n".utf8))
            throw ExitCode(1)
        } catch PreviewServer.Failure.cannotListen(let host, let port, let reason) {
            FileHandle.standardError.write(Data("error: cannot listen on \(host):\(port): \(reason)\n".utf8))
            throw ExitCode(1)
        }
    }
}
