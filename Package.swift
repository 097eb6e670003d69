// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Chorus",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chorus", targets: ["chorus"]),
        .executable(name: "chorus-bench", targets: ["chorus-bench"]),
        .library(name: "ChorusEngine", targets: ["ChorusEngine"]),
        .library(name: "ChorusScript", targets: ["ChorusScript"]),
        .library(name: "ChorusREPL", targets: ["ChorusREPL"]),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // fork and exec with PR_SET_PDEATHSIG between them, which posix_spawn cannot do (the local engine).
        .target(name: "CChildSpawn"),
        // SHA-256 blocks on the processor's SHA instructions (x86-64), which Swift cannot reach.
        .target(name: "CSHA256"),
        .target(
            name: "ChorusEngine", dependencies: ["CSQLite", "CChildSpawn", "CSHA256"],
            // Shipped text (prompt templates, the trainers' Python and launch scripts), compiled into
            // the binary so that `chorus` works from any folder.
            resources: [
                .embedInCode("Strategies/Templates/ssa-v1.txt"),
                .embedInCode("Strategies/Templates/gsr-v1.txt"),
                .embedInCode("Training/Python/chorus_reward.py"),
                .embedInCode("Training/Python/chorus_parquet.py"),
                .embedInCode("Training/Launch/launch-common.sh"),
                .embedInCode("Training/Launch/verl-grpo.sh"),
                .embedInCode("Training/Launch/verl-grpo-ray.sh"),
                .embedInCode("Training/Launch/trl-grpo.sh"),
                .embedInCode("Training/Launch/trl_launch.py"),
                .embedInCode("Training/Launch/trl-grpo.py"),
                .embedInCode("Training/Launch/trl-sft.sh"),
                .embedInCode("Training/Launch/trl-sft.py"),
                .embedInCode("Training/Launch/openrlhf-grpo.sh"),
            ]),
        .target(name: "ChorusScript", dependencies: ["ChorusEngine"]),
        .target(name: "ChorusREPL", dependencies: ["ChorusScript", "ChorusEngine", "CEditLine"]),
        .executableTarget(name: "chorus", dependencies: ["ChorusREPL", "ChorusScript"]),
        // The Swift half of scripts/bench/sample; not part of the product.
        .executableTarget(name: "chorus-bench", dependencies: ["ChorusEngine"]),
        // Test doubles shared by every test target: a clock the test moves, an in-memory sample store,
        // captured output, a scripted HTTP server and temporary folders; never linked into the product.
        .target(
            name: "ChorusTestSupport", dependencies: ["ChorusEngine", "ChorusScript"], path: "Tests/ChorusTestSupport"),
        .testTarget(name: "ChorusEngineTests", dependencies: ["ChorusEngine", "ChorusTestSupport"]),
        .testTarget(name: "ChorusScriptTests", dependencies: ["ChorusScript", "ChorusTestSupport"]),
        .testTarget(name: "ChorusREPLTests", dependencies: ["ChorusREPL", "ChorusTestSupport"]),
        .testTarget(name: "chorusTests", dependencies: ["ChorusScript", "ChorusEngine", "ChorusTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
