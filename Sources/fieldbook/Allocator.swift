#if canImport(Glibc)
    import Glibc
#endif

/// Tells glibc's allocator to grow each thread's heap in large steps and to keep what is freed: a build allocates
/// and frees gigabytes in short-lived page views, and by default every heap grows a page at a time and gives memory
/// back as soon as it can (93,000 `mprotect` calls and the page faults that follow, for 5,000 reps and a million
/// deals: about 1.5 s of system time, measured in BENCHMARKS.md). Only address space is reserved: peak memory, what
/// is touched, stays the same. Called first thing (`Fieldbook.main`): a heap takes the padding when it is made. Elsewhere
/// (macOS) the system allocator is left as it is.
enum Allocator {
    static func tuneForBuilds() {
        #if canImport(Glibc)
            // `mallopt` is declared in <malloc.h>, which the Glibc module does not import: found by name instead.
            typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(nil, "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
            let (trimThreshold, topPad): (Int32, Int32) = (-1, -2)  // M_TRIM_THRESHOLD, M_TOP_PAD
            _ = mallopt(topPad, 64 << 20)
            _ = mallopt(trimThreshold, 256 << 20)
        #endif
    }
}
