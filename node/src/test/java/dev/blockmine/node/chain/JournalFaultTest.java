package dev.blockmine.node.chain;

import static dev.blockmine.node.chain.LinkedBlocks.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import dev.blockmine.node.chain.FaultyDisk.Fault;
import dev.blockmine.node.chain.FaultyDisk.Mode;
import dev.blockmine.node.chain.FaultyDisk.Op;

/**
 * The journal under injected faults: each write, force and truncate an operation makes fails in turn, the writes at
 * every byte, the disk then working again, failing that way from then on, or gone (a crash there). After each: what a
 * restart finds is the chain before the operation or the one after it, never a torn or mixed one, and the store
 * takes the next block, or says it is broken and takes nothing more.
 */
class JournalFaultTest {

    /** The journal's log, held here: thousands of failures are logged, and the broken ones counted. */
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(JournalStore.class);

    @BeforeEach
    void holdTheLog() {
        logged.start();
        logger.addAppender(logged);
        logger.setAdditive(false);
    }

    @AfterEach
    void releaseTheLog() {
        logger.setAdditive(true);
        logger.detachAppender(logged);
    }

    /** The chain every case starts from. */
    private static final List<SealedBlock> BASE = LinkedBlocks.after(List.of(), 3, 0);

    /** An operation on a journal holding {@link #BASE}, and the chain it makes. */
    record Operation(String name, List<SealedBlock> after, Consumer<JournalStore> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Operation> operations() {
        List<SealedBlock> next = LinkedBlocks.after(BASE, 1, 1);
        List<SealedBlock> fork = LinkedBlocks.after(BASE.subList(0, 2), 2, 2);
        List<SealedBlock> longer = LinkedBlocks.after(BASE, 2, 3);
        List<SealedBlock> other = LinkedBlocks.after(List.of(), 2, 4);
        return Stream.of(
                new Operation("append a block", concat(BASE, next), store -> store.append(next.getFirst())),
                new Operation("replace a block with 2", concat(BASE.subList(0, 2), fork), store -> store.replaceAfter(2, fork)),
                new Operation("add 2 blocks after the tip", concat(BASE, longer), store -> store.replaceAfter(3, longer)),
                new Operation("replace the whole chain", other, store -> store.replaceAll(other)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void aFailureAnywhereLeavesTheOldChainOrTheNewOneAndAStoreThatSaysWhichItCanDo(Operation operation,
            @TempDir(factory = InMemory.class) Path root)
            throws IOException {
        Path base = root.resolve("base");
        write(base, BASE);
        Path work = root.resolve("work");
        FaultyDisk.Counts counts = healthyRun(operation, base, work);
        List<Fault> faults = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            for (long at = 0; at < counts.bytes(); at++) {
                faults.add(new Fault(Op.WRITE, at, mode));
            }
            for (long at = 0; at < counts.forces(); at++) {
                faults.add(new Fault(Op.FORCE, at, mode));
            }
            for (long at = 0; at < counts.truncates(); at++) {
                faults.add(new Fault(Op.TRUNCATE, at, mode));
            }
        }
        List<String> problems = new ArrayList<>();
        int broken = 0;
        for (Fault fault : faults) {
            copy(base, work);
            Outcome outcome = inject(operation, fault, work, root.resolve("crashed"));
            if (problems.size() < 10) {
                problems.addAll(outcome.problems().stream().map(problem -> fault + ": " + problem).toList());
            }
            broken += outcome.broken() ? 1 : 0;
        }
        System.out.printf("%s: %d bytes, %d forces, %d truncates; %d faults injected (%d modes), %d left the store broken%n",
                operation, counts.bytes(), counts.forces(), counts.truncates(), faults.size(), Mode.values().length, broken);
        assertThat(faults).hasSizeGreaterThan(3 * BASE.getFirst().blockString().length());
        assertThat(problems).as("%d of %d faults left a problem; the first ones", problems.size(), faults.size())
                .isEmpty();
    }

    /**
     * A temporary folder in memory ({@code /dev/shm}) where there is one: thousands of cases create, cut and remove
     * files, which a disk's own journal makes slow on a busy machine, and what is checked is the store's logic.
     */
    static final class InMemory implements TempDirFactory {
        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws IOException {
            Path memory = Path.of("/dev/shm");
            return Files.isDirectory(memory) && Files.isWritable(memory)
                    ? Files.createTempDirectory(memory, "journal-faults") : Files.createTempDirectory("journal-faults");
        }
    }

    /** What one injected fault led to: whether the store said it was broken, and what was wrong. */
    private record Outcome(boolean broken, List<String> problems) {
    }

    private Outcome inject(Operation operation, Fault fault, Path dir, Path crashed) throws IOException {
        List<String> problems = new ArrayList<>();
        SealedBlock next = LinkedBlocks.after(BASE, 1, 5).getFirst();
        FaultyDisk disk = new FaultyDisk();
        boolean usable;
        try (JournalStore store = new JournalStore(dir, disk)) {
            store.load();
            disk.arm(fault);
            try {
                operation.run().accept(store);
                problems.add("the operation did not fail");
            } catch (UncheckedIOException expected) {
                // what is checked is what it left
            }
            copy(dir, crashed); // the process dies now: what a restart finds
            List<SealedBlock> restarted = reload(crashed);
            disk.heal();
            try {
                store.append(next);
                usable = true;
            } catch (UncheckedIOException refused) {
                usable = false;
                if (!refused.getMessage().contains("could not be repaired")) {
                    problems.add("a broken store refused the next block without saying why: " + refused.getMessage());
                }
            }
            if (usable ? !restarted.equals(BASE) : !restarted.equals(BASE) && !restarted.equals(operation.after())) {
                problems.add("a restart found " + described(restarted) + (usable ? ", not the chain the store kept" : ""));
            }
        }
        if (fault.mode() == Mode.ONCE && !usable) {
            problems.add("a passing fault left the store broken");
        }
        List<SealedBlock> reloaded = reload(dir);
        if (usable ? !reloaded.equals(concat(BASE, List.of(next)))
                : !reloaded.equals(BASE) && !reloaded.equals(operation.after())) {
            problems.add("reloaded " + described(reloaded) + (usable ? " after the next block was stored" : " from a broken store"));
        }
        if (usable && Files.exists(dir.resolve(JournalStore.UNDO))) {
            problems.add("the record of the replaced blocks outlived the replacement");
        }
        long errors = logged.list.stream().filter(event -> event.getLevel() == Level.ERROR).count();
        if (errors != (usable ? 0 : 1)) {
            problems.add(errors + " errors logged by a store " + (usable ? "still usable" : "broken"));
        }
        logged.list.clear();
        return new Outcome(!usable, problems);
    }

    @Test
    void aJournalThatCannotBeCutBackTakesNoMoreBlocksAndARestartFindsTheOldChain(@TempDir Path dir) throws IOException {
        write(dir, BASE);
        FaultyDisk disk = new FaultyDisk();
        List<SealedBlock> next = LinkedBlocks.after(BASE, 1, 1);
        try (JournalStore store = new JournalStore(dir, disk)) {
            store.load();
            disk.arm(new Fault(Op.WRITE, 40, Mode.CRASH)); // the line torn after 40 bytes, and the truncate refused
            assertThatThrownBy(() -> store.append(next.getFirst())).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot append to the chain journal");
            disk.heal();
            assertThatThrownBy(() -> store.append(next.getFirst())).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("could not be repaired after a failed write");
        }
        assertThat(Files.size(dir.resolve("chain.jsonl"))).isEqualTo(lineBytes(BASE) + 40); // refused: nothing written
        assertThat(reload(dir)).isEqualTo(BASE); // the torn line cut at the restart
    }

    @Test
    void everyChangeIsForcedToDiskBeforeItReturnsAndEveryRenameOrRemovalWithItsFolder(@TempDir Path dir) throws IOException {
        write(dir, BASE);
        FaultyDisk disk = new FaultyDisk();
        List<SealedBlock> next = LinkedBlocks.after(BASE, 1, 1);
        List<SealedBlock> fork = LinkedBlocks.after(BASE.subList(0, 2), 3, 2);
        try (JournalStore store = new JournalStore(dir, disk)) {
            store.load();
            disk.arm(null);
            store.append(next.getFirst());
            assertThat(disk.trace()).containsExactly("write chain.jsonl " + lineBytes(next), "force chain.jsonl");

            disk.arm(null);
            store.replaceAfter(2, fork);
            String undo = JournalStore.UNDO;
            assertThat(disk.trace()).containsExactly(
                    "write " + undo + ".next " + ((lineBytes(BASE.subList(0, 2)) + "\n").length() + lineBytes(concat(BASE.subList(2, 3), next))),
                    "force " + undo + ".next",
                    "force folder [chain.jsonl, " + undo + "]", // renamed: the replaced blocks are safe
                    "truncate chain.jsonl",
                    "write chain.jsonl " + lineBytes(fork),
                    "force chain.jsonl",
                    "force folder [chain.jsonl]"); // removed: the replacement is whole
        }
        assertThat(reload(dir)).isEqualTo(concat(BASE.subList(0, 2), fork));
    }

    private static FaultyDisk.Counts healthyRun(Operation operation, Path base, Path work) throws IOException {
        copy(base, work);
        FaultyDisk disk = new FaultyDisk();
        try (JournalStore store = new JournalStore(work, disk)) {
            store.load();
            disk.arm(null);
            operation.run().accept(store);
        }
        assertThat(reload(work)).isEqualTo(operation.after());
        return disk.counts();
    }

    private static void write(Path dir, List<SealedBlock> chain) {
        try (JournalStore store = new JournalStore(dir, new FaultyDisk())) {
            store.load();
            chain.forEach(store::append);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a store started on {@code dir} with a working disk loads. */
    private static List<SealedBlock> reload(Path dir) throws IOException {
        try (JournalStore store = new JournalStore(dir, new FaultyDisk())) {
            return store.load();
        }
    }

    /** Makes {@code to} hold exactly the files of {@code from}. */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> old = Files.list(to)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Each block's index and the start of its hash. */
    private static String described(List<SealedBlock> chain) {
        return chain.stream().map(block -> block.index() + ":" + block.hash().substring(0, 8)).toList().toString();
    }

    private static long lineBytes(List<SealedBlock> blocks) {
        return blocks.stream().mapToLong(block -> block.blockString().length() + 1).sum();
    }
}
