// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Sluice",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sluice", targets: ["sluice"]),
        .library(name: "SluiceKit", targets: ["SluiceKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        // libxml2 from Debian's libxml2-dev: the streaming SAX2 parser for XML and XLSX sheets.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // SQLite from Debian's libsqlite3-dev for the store (Store/). Chosen over GRDB 7.10: measured on
        // this machine kind, bulk inserts through the C API are ≈2× faster, and GRDB adds ≈11 s to a clean
        // debug build and ≈26 s to a release build; the store needs a few dozen statements, not an ORM.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // libxlsxwriter from Debian's libxlsxwriter-dev: kpi.xlsx and worklist.xlsx, in
        // constant-memory mode. Only Write/XLSX/ imports it.
        .systemLibrary(
            name: "CXLSXWriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // The processor's prefetch (one static inline function over `__builtin_prefetch`), which
        // Swift does not offer: the unique-key index prefetches a batch's look-ups (KeyIndex.warm).
        .target(name: "CPrefetch"),
        .target(
            name: "SluiceKit",
            dependencies: [
                "CPrefetch",
                "CLibXML2",
                "CSQLite",
                "CXLSXWriter",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // jemalloc (Debian `libjemalloc-dev`) replaces glibc's malloc for the whole process:
            // records are made on one thread and freed on another, and glibc's arenas made
            // those frees dear. Measured on 1M records (2 cores, release, alternating): CSV
            // 5.1–5.3 s -> 4.8–5.0 s, NDJSON 5.8–7.2 s -> 5.3–5.6 s, XML 12.2–12.6 s -> 11.5 s,
            // for 3–6 MiB more peak memory (BENCHMARKS.md).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .executableTarget(
            name: "sluice",
            dependencies: [
                "SluiceKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
            // jemalloc comes with SluiceKit's linker settings, above.
        ),
        .testTarget(
            name: "SluiceKitTests",
            dependencies: ["SluiceKit", "sluice"],
            exclude: ["Fixtures", "Scenarios"]
        ),
    ]
)
