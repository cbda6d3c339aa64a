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
        .target(
            name: "SluiceKit",
            dependencies: [
                "CLibXML2",
                "CSQLite",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "sluice",
            dependencies: [
                "SluiceKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SluiceKitTests",
            dependencies: ["SluiceKit", "sluice"],
            exclude: ["Fixtures", "Scenarios"]
        ),
    ]
)
