package dev.blockmine.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's writer killed with SIGKILL as it replaces blocks ({@link JournalChurn}, a process of its own), again
 * and again on the same journal: each time a restart finds the chain before the change under way or the chain after
 * it, and takes the next block.
 */
class JournalKillTest {

    private static final int KILLS = 6;

    @Test
    void aJournalKilledDuringAReplacementHoldsTheChainBeforeItOrAfterIt(@TempDir Path dir) throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Path log = dir.resolveSibling(dir.getFileName() + ".log");
        List<String> found = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            Killed killed = runThenKill(dir, random.nextLong(), 2 + random.nextInt(15), log);
            List<SealedBlock> restarted;
            try (JournalStore store = new JournalStore(dir)) {
                restarted = store.load();
                String chain = JournalChurn.named(restarted);
                assertThat(chain).as("kill %d (seed %d, log %s): the chain a restart finds", kill, seed, log)
                        .isIn(killed.held(), killed.underWay());
                found.add(killed.underWay() == null ? "between changes"
                        : (chain.equals(killed.held()) ? "before " : "after ") + killed.kind());
                store.append(LinkedBlocks.after(restarted, 1, -1).getFirst());
            }
            try (JournalStore store = new JournalStore(dir)) {
                assertThat(store.load()).as("the block appended after kill %d", kill).hasSize(restarted.size() + 1);
            }
        }
        System.out.println("Killed " + KILLS + " times (seed " + seed + "); a restart found the chain " + found);
    }

    /**
     * The last chain the process said its journal held, and the one the change under way when it died makes (null
     * when it was between changes), with the change's kind.
     */
    private record Killed(String held, String underWay, String kind) {
    }

    /**
     * Starts {@link JournalChurn} on {@code dir}, waits until it has begun {@code changes} changes, and kills it with
     * SIGKILL as it starts the next replacement: paced by what it prints, not by time.
     */
    private static Killed runThenKill(Path dir, long seed, int changes, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                JournalChurn.class.getName(), dir.toString(), Long.toString(seed))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(process::destroyForcibly); // a hung child
        String held = null;
        String underWay = null;
        String kind = null;
        int begun = 0;
        try (BufferedReader out = process.inputReader()) {
            for (String line; (line = out.readLine()) != null; ) { // until it has died and all it printed is read
                String[] words = line.split(" ");
                if (words[0].equals("holds")) {
                    held = words[1] + " " + words[2];
                    underWay = null;
                } else if (words[0].equals("change")) {
                    kind = words[1];
                    underWay = words[2] + " " + words[3];
                    if (++begun > changes && kind.equals("replace")) {
                        process.toHandle().destroyForcibly(); // SIGKILL, its output left open to read to the end
                    }
                }
            }
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(begun).as("changes begun before the kill (log %s)", log).isGreaterThan(changes);
        return new Killed(held, underWay, kind);
    }
}
