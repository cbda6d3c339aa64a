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
        // libxlsxwriter from Debian's libxlsxwriter-dev: kpi.xlsx and worklist.xlsx, in
        // constant-memory mode. Only Write/XLSX/ imports it.
        .systemLibrary(
            name: "CXLSXWriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "SluiceKit",
            dependencies: [
                "CLibXML2",
                "CXLSXWriter",
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
