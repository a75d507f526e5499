import FieldbookModel

#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// A file's identity on disk: if any of these changed, someone other than the build touched it.
package struct FileStamp: Sendable, Equatable {
    package var inode: UInt64
    package var size: Int
    package var seconds: Int
    package var nanoseconds: Int

    package init(inode: UInt64, size: Int, seconds: Int, nanoseconds: Int) {
        self.inode = inode
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The stamp of the regular file at `path`, nil when there is none.
    package static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// Why a file could not be written: the system's message.
    package struct WriteFailure: Error {
        package var message: String
    }

    /// Creates (or truncates) the file at `path` and writes all of `bytes` with plain POSIX calls (on thousands of
    /// pages, FileManager's per-call overhead costs more than the writing); returns the new file's stamp.
    package static func write(_ bytes: [UInt8], to path: String) -> Result<FileStamp, WriteFailure> {
        func failure() -> Result<FileStamp, WriteFailure> { .failure(WriteFailure(message: String(cString: strerror(errno)))) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return failure() }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in systemWrite(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                return failure()
            }
            written += count
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return failure() }
        return .success(FileStamp(info))
    }

    init(_ info: stat) {
        self.init(
            inode: UInt64(info.st_ino), size: Int(info.st_size), seconds: Int(Self.modificationSeconds(info)),
            nanoseconds: Int(Self.modificationNanoseconds(info)))
    }

    static package func modificationSeconds(_ info: stat) -> Int {
        #if canImport(Darwin)
            Int(info.st_mtimespec.tv_sec)
        #else
            Int(info.st_mtim.tv_sec)
        #endif
    }

    static package func modificationNanoseconds(_ info: stat) -> Int {
        #if canImport(Darwin)
            Int(info.st_mtimespec.tv_nsec)
        #else
            Int(info.st_mtim.tv_nsec)
        #endif
    }
}

/// What a build wrote into its output folder, file by file, for the next build to compare against.
package struct OutputManifest: Sendable, Equatable {
    package struct Record: Sendable, Equatable {
        /// Fingerprint of everything the page was rendered from; nil for files that are not pages.
        package var inputs: Fingerprint?
        /// Fingerprint of the file's bytes.
        package var content: Fingerprint
        package var stamp: FileStamp

        package init(inputs: Fingerprint?, content: Fingerprint, stamp: FileStamp) {
            self.inputs = inputs
            self.content = content
            self.stamp = stamp
        }
    }

    package var records: [String: Record] = [:]

    package init(records: [String: Record] = [:]) { self.records = records }

    package subscript(path: String) -> Record? {
        get { records[path] }
        set { records[path] = newValue }
    }

    /// The previous file at `relative` under `output`, when it is still exactly the file this manifest describes.
    package func intactFile(_ relative: String, in output: String) -> (path: String, record: Record)? {
        guard let record = records[relative] else { return nil }
        let path = output + "/" + relative
        guard FileStamp.of(path) == record.stamp else { return nil }
        return (path, record)
    }

    package func write(to writer: inout ByteWriter) {
        writer.write(UInt64(records.count))
        for (path, record) in records.sorted(by: { $0.key < $1.key }) {
            writer.write(path)
            writer.write(record.inputs != nil)
            if let inputs = record.inputs { writer.write(inputs.value) }
            writer.write(record.content.value)
            writer.write(record.stamp.inode)
            writer.write(record.stamp.size)
            writer.write(record.stamp.seconds)
            writer.write(record.stamp.nanoseconds)
        }
    }

    package init(reading reader: ByteReader) throws(ByteReader.Truncated) {
        var reader = reader
        let count = try reader.readCount()
        records.reserveCapacity(count)
        for _ in 0..<count {
            let path = try reader.readString()
            let inputs = try reader.readBool() ? Fingerprint(try reader.readUInt64()) : nil
            let content = Fingerprint(try reader.readUInt64())
            let stamp = FileStamp(
                inode: try reader.readUInt64(), size: try reader.readInt(), seconds: try reader.readInt(), nanoseconds: try reader.readInt())
            records[path] = Record(inputs: inputs, content: content, stamp: stamp)
        }
    }
}
