// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "IOPOutcomes",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "iop-outcomes", targets: ["iop-outcomes"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Domain values; no dependencies.
        .target(name: "OutcomesCore"),
        // CSV and mapping files -> validated Core values; never touches the database.
        .target(name: "OutcomesIngest", dependencies: [
            "OutcomesCore",
            .product(name: "Yams", package: "Yams"),
            "CLibCrypto",
        ]),
        // The system's libcrypto (OpenSSL 3): SHA-256 and HMAC-SHA256, without compiling BoringSSL.
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // glibc's allocator settings (malloc.h), for the executable.
        .systemLibrary(name: "CMalloc"),
        // SQLite settings that need C (sqlite3_config is variadic).
        .target(name: "CSQLiteTuning", dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")],
                linkerSettings: [.linkedLibrary("sqlite3")]),
        // The only module that imports GRDB.
        .target(name: "OutcomesStore", dependencies: [
            "OutcomesCore", "CSQLiteTuning",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Pure metric functions over Core values.
        .target(name: "OutcomesAnalysis", dependencies: ["OutcomesCore"]),
        // Deterministic synthetic IOP network written as canonical CSVs.
        .target(name: "OutcomesSampleData", dependencies: ["OutcomesCore"]),
        // ChartSpec -> Scene; knows nothing of patients or Cairo.
        .target(name: "Charts"),
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        // Paints Scenes onto PDF, SVG and PNG surfaces; the only module importing CCairo.
        .target(name: "CairoRender", dependencies: ["Charts", "CCairo"]),
        // Analysis results + report definitions -> pages of Scenes and tables.
        .target(name: "OutcomesReports", dependencies: [
            "OutcomesCore", "OutcomesAnalysis", "Charts",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Orchestration: which rows the analysed periods need, the analyses a report runs, its inputs;
        // a series file charted by `spc`.
        .target(name: "OutcomesPipeline", dependencies: [
            "OutcomesCore", "OutcomesIngest", "OutcomesStore", "OutcomesAnalysis", "OutcomesReports",
        ]),
        .executableTarget(name: "iop-outcomes", dependencies: [
            "OutcomesCore", "OutcomesIngest", "OutcomesStore", "OutcomesAnalysis", "OutcomesPipeline",
            "OutcomesSampleData", "Charts", "CairoRender", "OutcomesReports", "CMalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "iop-bench", dependencies: [
            "OutcomesCore", "OutcomesIngest", "OutcomesStore", "OutcomesSampleData",
            "OutcomesAnalysis", "Charts", "CairoRender",
        ]),
        .target(name: "OutcomesTestSupport", dependencies: ["OutcomesCore", "Charts"]),

        .testTarget(name: "OutcomesCoreTests", dependencies: ["OutcomesCore"]),
        .testTarget(name: "OutcomesIngestTests", dependencies: ["OutcomesIngest", "OutcomesTestSupport"]),
        .testTarget(name: "OutcomesStoreTests", dependencies: ["OutcomesStore", "OutcomesTestSupport"]),
        .testTarget(name: "OutcomesAnalysisTests", dependencies: ["OutcomesAnalysis", "OutcomesTestSupport"]),
        .testTarget(name: "OutcomesSampleDataTests", dependencies: ["OutcomesSampleData", "OutcomesIngest"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "OutcomesTestSupport"]),
        .testTarget(name: "CairoRenderTests", dependencies: ["CairoRender", "Charts", "OutcomesTestSupport"]),
        .testTarget(name: "OutcomesReportsTests", dependencies: ["OutcomesReports", "CairoRender", "OutcomesTestSupport"]),
        .testTarget(name: "OutcomesPipelineTests", dependencies: [
            "OutcomesPipeline", "OutcomesStore", "OutcomesTestSupport", "OutcomesAnalysis", "OutcomesCore",
        ]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "OutcomesCore", "OutcomesTestSupport", "OutcomesAnalysis", "OutcomesPipeline", "OutcomesStore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Golden"]),
        // Pure helpers of the executable (progress text), tested without running it.
        .testTarget(name: "CommandLineTests", dependencies: ["iop-outcomes"]),
    ]
)
