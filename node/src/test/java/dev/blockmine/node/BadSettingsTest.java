package dev.blockmine.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.blockmine.node.NodeProcess.Exited;
import dev.blockmine.node.peers.RunningNode;

/**
 * A node started with a wrong setting stops with one line that names the setting, its value and the rule it breaks,
 * no stack trace, and a non-zero exit code: each case is a node process of its own (they run at once, to keep the
 * suite short). Before, the cross-field rules were not checked at all (the node started, and failed later), and a
 * wrong value took Boot's report of a dozen lines plus a warning that repeated the whole chain of causes.
 */
class BadSettingsTest {

    /** The settings, and what the one line must say after "The node cannot start: ". */
    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(List.of("--node.difficulty=3", "--node.tcp.zero-bits=8"),
                        "node.tcp.zero-bits=8: a binary block needs at least the HTTP rule's work, 4 bits per hex zero of node.difficulty (3): at least 12"),
                Arguments.of(List.of("--node.tcp.target-block-seconds=30", "--node.tcp.max-zero-bits=20"),
                        "node.tcp.max-zero-bits=20: retargeting needs room above its lowest target"),
                Arguments.of(List.of("--node.max-pending-per-sender=2000"),
                        "node.max-pending-per-sender=2000: a sender's share cannot be larger than the pool, node.max-pending-transactions (1000)"),
                Arguments.of(List.of("--node.peer.urls=ftp://10.0.0.5:5000"),
                        "node.peer.urls=ftp://10.0.0.5:5000: a node address is http:// or https://"),
                Arguments.of(List.of("--node.store=disk"), "node.store=disk: must be one of memory, journal, postgres, durable"),
                Arguments.of(List.of("--node.difficulty=0"), "node.difficulty=0: must be greater than or equal to 1"));
    }

    @TempDir
    static Path logs;

    private static List<CompletableFuture<Exited>> runs;

    /** Every case at once: a JVM each, mostly waiting on class loading. */
    @BeforeAll
    static void startEveryCase() {
        ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor();
        runs = badSettings().map(arguments -> {
            @SuppressWarnings("unchecked")
            List<String> settings = (List<String>) arguments.get()[0];
            Path log = logs.resolve(String.join("_", settings).replaceAll("[^A-Za-z0-9=._-]", "_") + ".log");
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return NodeProcess.runToExit(log, Duration.ofSeconds(120), settings.toArray(String[]::new));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, starts);
        }).toList();
        starts.shutdown();
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void aWrongSettingStopsTheNodeInOneLine(List<String> settings, String said) throws Exception {
        int index = badSettings().map(a -> a.get()[0]).toList().indexOf(settings);
        Exited exited = runs.get(index).get();
        String output = String.join("\n", exited.output());
        assertThat(exited.code()).as(output).isNotZero();
        List<String> errors = exited.output().stream().filter(line -> line.contains(" ERROR ")).toList();
        assertThat(errors).as(output).hasSize(1);
        assertThat(errors.getFirst()).as(output).contains("The node cannot start: " + said);
        assertThat(exited.output()).as("no stack trace, no warning repeating the causes").noneMatch(
                line -> line.startsWith("\tat ") || line.contains("Exception") || line.contains(" WARN "));
    }

    /**
     * The old names still work, with a warning each: node.peers (now node.peer.urls) and node.store=durable (now
     * journal). A peer whose host does not resolve (yet) is logged and left out; the node starts.
     */
    @Test
    void oldNamesStillWorkAndAPeerThatDoesNotResolveIsLeftOut(@TempDir Path data) throws Exception {
        try (RunningNode node = new RunningNode("node.difficulty=3", "node.tcp.port=-1", "node.store=durable",
                "node.data-dir=" + data, "node.peers=http://no-such-peer.invalid:5002,http://127.0.0.1:5999")) {
            assertThat(node.context.getBean(NodeProperties.class).store()).isEqualTo(NodeProperties.Store.JOURNAL);
            assertThat(node.get("/nodes").get("nodes").toString()).isEqualTo("[\"http://127.0.0.1:5999\"]");
            assertThat(Files.exists(data.resolve("chain.jsonl"))).isTrue();
        }
    }
}
