package dev.blockmine.miner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

import dev.blockmine.miner.wallet.WalletCommand;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.ProofRule;
import dev.blockmine.pow.engine.EngineKind;
import dev.blockmine.pow.engine.Engines;
import dev.blockmine.pow.search.NonceSearch;
import dev.blockmine.pow.search.ProofSearch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar client-miner.jar [NODE_URL]}: mines on a node until Ctrl-C, then prints a summary.
 * {@code --protocol tcp HOST:PORT} mines over the binary protocol instead.
 */
@Command(name = "client-miner", mixinStandardHelpOptions = true, version = "client-miner 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true, subcommands = {BenchCommand.class, WalletCommand.class},
        description = {
            "Mines blocks on a node that speaks the course's HTTP API (GET /last_block, POST /mine):",
            "gets the last block, searches a proof on all cores, posts it, and counts the coins won.",
            "With --protocol tcp it speaks the binary mining protocol (G T S A I R Q) instead.",
            "Runs until Ctrl-C, then prints a summary."},
        footer = {"", "Examples:",
            "  java -jar client-miner/target/client-miner.jar",
            "  java -jar client-miner/target/client-miner.jar http://192.168.1.20:5000 --id ana --threads 4",
            "  java -jar client-miner/target/client-miner.jar --protocol tcp --name ana localhost:5001",
            "  java -jar client-miner/target/client-miner.jar bench",
            "  java -jar client-miner/target/client-miner.jar wallet --help"})
public final class MinerCommand implements Callable<Integer> {

    enum Protocol { http, tcp }

    @Parameters(index = "0", arity = "0..1", paramLabel = "NODE_URL",
            description = "Default http://localhost:5000 (HTTP) or localhost:5001 (with --protocol tcp: HOST:PORT).")
    String nodeUrl;

    @Option(names = "--protocol", paramLabel = "http|tcp", defaultValue = "http",
            description = "http: the course's HTTP API; tcp: the binary mining protocol (default: ${DEFAULT-VALUE}).")
    Protocol protocol;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Your miner name for --protocol tcp, at most 10 bytes of UTF-8 (default: --id, or the contents of --id-file).")
    String name;

    @Option(names = "--id", paramLabel = "NAME", description = "Your miner id (default: the contents of --id-file, trimmed).")
    String id;

    @Option(names = "--id-file", paramLabel = "FILE", defaultValue = "my_id.txt",
            description = "File holding your miner id (default: ${DEFAULT-VALUE}).")
    Path idFile;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Search threads (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--zeros", paramLabel = "N", defaultValue = "6",
            description = "Leading hex zeros the node requires (default: ${DEFAULT-VALUE}, as in the course).")
    int zeros;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "1",
            description = "How often to check, while searching, whether someone else forged the block, when the node"
                    + " does not push new blocks or --no-push (default: ${DEFAULT-VALUE}).")
    double pollSeconds;

    @Option(names = "--push", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Hear of new blocks the moment the node has them (its GET /events stream) instead of polling;"
                    + " nodes without the stream are polled anyway (default: on; --no-push to always poll).")
    boolean push;

    @Option(names = "--search-log", paramLabel = "FILE",
            description = "Write one JSON line per proof search (block, start, end, threads, outcome): for benchmarks.")
    Path searchLog;

    @Option(names = "--verify-chain", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Validate the node's chain (GET /chain) before mining, and each new block after; refuse to mine"
                    + " on a chain that does not validate (default: on; --no-verify-chain to skip).")
    boolean verifyChain;

    @Option(names = "--engine", paramLabel = "KIND", defaultValue = "auto", converter = EngineKindConverter.class,
            description = "Proof search engine: auto (vector if the CPU and JVM allow, else scalar), vector, scalar,"
                    + " or digest (java.security.MessageDigest). Default: ${DEFAULT-VALUE}.")
    EngineKind engine;

    @Option(names = "--blocks", paramLabel = "N", defaultValue = "0",
            description = "Stop after winning N blocks (default: 0, mine until Ctrl-C).")
    long blocks;

    private final PrintStream out;
    private final PrintStream err;

    MinerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        // the wallet does no proof search, and asks for its password on this JVM's terminal
        boolean wallet = args.length > 0 && "wallet".equals(args[0]);
        Optional<Integer> relaunched = wallet ? Optional.empty() : VectorModuleLauncher.relaunchIfNeeded(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        System.exit(commandLine(out, err).execute(args));
    }

    /** The whole command line (mining, bench, wallet), writing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        return new CommandLine(new MinerCommand(out, err));
    }

    @Override
    public Integer call() {
        if (threads < 1 || zeros < 1 || zeros > 64 || pollSeconds <= 0 || blocks < 0) {
            err.println("Invalid option: --threads must be >= 1, --zeros 1..64, --poll > 0, --blocks >= 0");
            return 2;
        }
        if (protocol == Protocol.tcp) {
            return mineOverTcp();
        }
        String minerId;
        NodeClient node;
        try {
            minerId = minerId();
            node = new NodeClient(nodeUrl == null ? "http://localhost:5000" : nodeUrl, Duration.ofSeconds(10));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        ProofSearch engineSearch = startEngine(Engines::proofSearch);
        if (engineSearch == null) {
            return 2;
        }
        out.println(engineLine(engine, engineSearch));
        try (ProofSearch search = engineSearch) {
            MiningLoop loop = new MiningLoop(node, search, new ProofRule(zeros), minerId,
                    Duration.ofMillis(Math.round(pollSeconds * 1000)), blocks, out);
            if (verifyChain) {
                loop.verifyingChain();
            }
            if (push) {
                loop.listeningForTips();
            }
            if (searchLog != null) {
                try {
                    loop.loggingSearches(searchLog);
                } catch (java.io.UncheckedIOException e) {
                    err.println(e.getMessage() + ": " + e.getCause().getMessage());
                    return 2;
                }
            }
            Interrupts.onInterrupt(loop::stop);
            out.printf("Mining on %s as %s; press Ctrl-C to stop%n", node.url(), CanonicalJson.quote(minerId));
            MiningSummary summary = loop.run();
            out.println(summary);
        }
        return 0;
    }

    private int mineOverTcp() {
        TcpMiningLoop loop;
        NonceSearch search = startEngine(Engines::nonceSearch);
        if (search == null) {
            return 2;
        }
        out.println("Engine: %s, %d thread%s".formatted(search.name(), search.threads(), search.threads() == 1 ? "" : "s"));
        try {
            String minerName = name != null ? name : minerId();
            loop = new TcpMiningLoop(nodeUrl == null ? "localhost:" + TcpAddress.DEFAULT_PORT : nodeUrl, search, minerName,
                    blocks, out);
        } catch (IllegalArgumentException e) {
            search.close();
            err.println(e.getMessage());
            return 2;
        }
        try (search) {
            Interrupts.onInterrupt(loop::stop);
            out.println("Mining over the binary protocol; press Ctrl-C to stop");
            MiningSummary summary = loop.run();
            out.println(summary);
            out.printf("Jobs lost to other miners: %d; nonces rejected: %d%n", loop.lost(), loop.rejected());
        }
        return 0;
    }

    /** The search engine asked for, of either kind; null, once it said why, when this JVM cannot run it. */
    private <S> S startEngine(BiFunction<EngineKind, Integer, S> kind) {
        try {
            return kind.apply(engine, threads);
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return null;
        }
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** Which engine runs, and why it is not the vector one when auto had to fall back. */
    static String engineLine(EngineKind asked, ProofSearch search) {
        String why = Engines.whyNoVector();
        String fallback = asked == EngineKind.AUTO && why != null ? " (vector engine unavailable: " + why + ")" : "";
        return "Engine: %s, %d thread%s%s".formatted(search.name(), search.threads(), search.threads() == 1 ? "" : "s",
                fallback);
    }

    String minerId() {
        if (id != null) {
            if (id.isBlank()) {
                throw new IllegalArgumentException("--id must not be blank");
            }
            return id;
        }
        try {
            String fromFile = Files.readString(idFile, StandardCharsets.UTF_8).strip();
            if (fromFile.isEmpty()) {
                throw new IllegalArgumentException(idFile.toAbsolutePath() + " is empty: write your miner name in it, or pass --id NAME");
            }
            return fromFile;
        } catch (IOException e) {
            throw new IllegalArgumentException("No miner id: cannot read " + idFile.toAbsolutePath()
                    + " (" + e.getClass().getSimpleName() + "). Write your name in my_id.txt, or pass --id NAME.");
        }
    }
}
