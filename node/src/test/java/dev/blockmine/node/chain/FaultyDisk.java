package dev.blockmine.node.chain;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The channels a store opens, made to fail on cue: the write that reaches a given byte, or the n-th force or truncate
 * since {@link #arm}. Forces are counted and traced but not passed on (these tests check what the store does, not what
 * the disk keeps; a killed process loses nothing the kernel holds).
 */
final class FaultyDisk implements ChannelOpener {

    enum Op { WRITE, FORCE, TRUNCATE }

    /** What the disk does after the fault. */
    enum Mode {
        /** works again: a passing fault */
        ONCE,
        /** refuses every later operation of that kind (a full disk refuses writes, a broken one forces) */
        FROM_THEN_ON,
        /** refuses everything: the process died there, and what the files hold is what a restart finds */
        CRASH
    }

    /**
     * @param at for {@link Op#WRITE} the offset of the first byte not written, among the bytes written since armed;
     *     for the others, how many of them succeed before the one that fails
     */
    record Fault(Op op, long at, Mode mode) {
    }

    /** What an operation did, counted since {@link #arm}. */
    record Counts(long bytes, long forces, long truncates) {
    }

    private Fault fault;
    private boolean fired;
    private long bytes;
    private long forces;
    private long truncates;
    private final List<String> trace = new ArrayList<>();

    /** Counts from zero again, with {@code fault} to come (null for none). */
    void arm(Fault fault) {
        this.fault = fault;
        fired = false;
        bytes = forces = truncates = 0;
        trace.clear();
    }

    /** The disk works again. */
    void heal() {
        fault = null;
    }

    Counts counts() {
        return new Counts(bytes, forces, truncates);
    }

    /** Each write, force and truncate since {@link #arm}, in order; a folder's force lists what the folder holds. */
    List<String> trace() {
        return List.copyOf(trace);
    }

    @Override
    public FileChannel open(Path path, OpenOption... options) throws IOException {
        if (down(null)) {
            throw new IOException("injected: the disk is gone (opening " + path.getFileName() + ")");
        }
        return new FaultyChannel(this, path, options);
    }

    /** How many bytes may still be written before the fault; throws when no write is taken any more. */
    long writable(Path path) throws IOException {
        if (down(Op.WRITE)) {
            throw failure(Op.WRITE, path);
        }
        return fault != null && !fired && fault.op() == Op.WRITE ? fault.at() - bytes : Long.MAX_VALUE;
    }

    void wrote(Path path, int count) {
        bytes += count;
        trace.add("write " + path.getFileName() + " " + count);
    }

    /** The write that reached the faulty byte, having written what came before it. */
    IOException writeFailed(Path path) {
        fired = true;
        return failure(Op.WRITE, path);
    }

    /** Before a force or a truncate: throws if it is the one that fails (or the disk is down). */
    void before(Op op, Path path) throws IOException {
        if (down(op)) {
            throw failure(op, path);
        }
        long done = op == Op.FORCE ? forces++ : truncates++;
        if (fault != null && !fired && fault.op() == op && fault.at() == done) {
            fired = true;
            throw failure(op, path);
        }
        trace.add(op.name().toLowerCase(java.util.Locale.ROOT) + " " + described(path));
    }

    /** Whether {@code op} (null: opening a file) is refused after the fault fired. */
    private boolean down(Op op) {
        return fault != null && fired
                && (fault.mode() == Mode.CRASH || fault.mode() == Mode.FROM_THEN_ON && fault.op() == op);
    }

    private static IOException failure(Op op, Path path) {
        return new IOException("injected: " + op + " of " + path.getFileName() + " failed");
    }

    private static String described(Path path) {
        if (!Files.isDirectory(path)) {
            return path.getFileName().toString();
        }
        try (Stream<Path> files = Files.list(path)) {
            return "folder " + files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return "folder (unlisted: " + e + ")";
        }
    }
}
