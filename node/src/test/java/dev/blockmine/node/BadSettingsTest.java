package dev.blockmine.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.blockmine.node.NodeProcess.Exited;
import dev.blockmine.node.peers.RunningNode;

/**
 * A node started with a wrong setting stops with one line that names the setting, its value and the rule it breaks,
 * no stack trace, and a non-zero exit code. Each case starts the node in this JVM the way {@code main} does
 * ({@code SpringApplication.run}, with the failure analyzers and reporter of {@code META-INF/spring.factories}) and
 * reads what it printed; one case runs as a process of its own, for the exit code and what the JVM adds on its way
 * out. Before, the cross-field rules were not checked at all (the node started, and failed later), and a wrong value
 * took Boot's report of a dozen lines plus a warning that repeated the whole chain of causes.
 */
@ExtendWith(OutputCaptureExtension.class)
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

    /** The thread a node is started on here: its log lines are told from those of other tests' nodes by its name. */
    private static final String STARTER = "bad-settings";

    /** The start of a log entry in Spring Boot's console format: its timestamp. */
    private static final Pattern ENTRY = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    @ParameterizedTest
    @MethodSource("badSettings")
    void aWrongSettingStopsTheNodeInOneLine(List<String> settings, String said, CapturedOutput console) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        args.addAll(settings);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread starter = new Thread(() -> {
            try {
                new SpringApplication(NodeApplication.class).run(args.toArray(String[]::new)).close();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, STARTER);
        starter.start();
        starter.join(Duration.ofSeconds(60));
        assertThat(starter.isAlive()).as("the start is over").isFalse();
        assertThat(failure.get()).as("the node refused to start").isNotNull();
        assertSaidInOneLine(entriesOf(STARTER, console.getAll()), said);
    }

    /** The node as {@code java -jar} runs it: the same line, exit code 1, and no stack trace from the JVM either. */
    @Test
    void aNodeProcessWithAWrongSettingExitsWithOneLine(@TempDir Path logs) throws Exception {
        Exited exited = NodeProcess.runToExit(logs.resolve("node.log"), Duration.ofSeconds(120), "--node.difficulty=0");
        assertThat(exited.code()).as(String.join("\n", exited.output())).isEqualTo(1);
        assertSaidInOneLine(exited.output(), "node.difficulty=0: must be greater than or equal to 1");
    }

    private static void assertSaidInOneLine(List<String> output, String said) {
        String all = String.join("\n", output);
        List<String> errors = output.stream().filter(line -> line.contains(" ERROR ")).toList();
        assertThat(errors).as(all).hasSize(1);
        assertThat(errors.getFirst()).as(all).contains("The node cannot start: " + said);
        assertThat(output).as("no stack trace, no warning repeating the causes: " + all).noneMatch(
                line -> line.startsWith("\tat ") || line.contains("Exception") || line.contains(" WARN "));
    }

    /**
     * The log entries written on {@code thread}, each with the lines that follow it up to the next entry (a stack
     * trace): the console is shared with every node other tests left running in this JVM.
     */
    private static List<String> entriesOf(String thread, String console) {
        List<String> kept = new ArrayList<>();
        boolean ours = false;
        for (String line : console.split("\\R")) {
            if (ENTRY.matcher(line).find()) {
                ours = line.contains("[" + thread + "]") || line.contains(" " + thread + "]");
            }
            if (ours) {
                kept.add(line);
            }
        }
        return kept;
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
