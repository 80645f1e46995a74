package dev.blockmine.miner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The miner's command line run in this JVM as a user runs it, with what it prints captured: for the tests that drive
 * it (here, and node's end-to-end tests against a real node).
 */
public final class MinerRun {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs the command line {@code args}, forgetting what earlier runs printed, and returns its exit code. */
    public int run(String... args) {
        out.reset();
        err.reset();
        return MinerCommand.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    /** What the last run printed to standard output. */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the last run printed to standard error. */
    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
