package dev.blockmine.node.store.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * One real PostgreSQL server per test JVM, started by {@code scripts/postgres.sh} (as an unprivileged user when the
 * tests run as root) in {@code blockmine-postgres-tests/postgres-test-<pid>} under the system's temporary folder, on
 * a free port, and stopped when the JVM exits. Each caller gets a fresh database on it. Where no server can be
 * started (no PostgreSQL and no way to install it), the tests that need one are skipped, saying why. Every server
 * here is {@code --throwaway}: a copy of a data folder made once, run without flushing to disk, as nothing here must
 * outlive a crash of the machine.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    /**
     * For a test whose database goes away: each request waits 1 s for a connection before its 503, not the node's
     * 2 s (a connection from a local server that is up comes within milliseconds, from the pool mostly).
     */
    public static final String PROMPT_REFUSAL = "spring.datasource.hikari.connection-timeout=1000";
    /** The script's option for a test's server: a copied data folder, and nothing flushed to disk. */
    private static final String THROWAWAY = "--throwaway";
    private static String serverUrl;
    private static String failure;

    private TestPostgres() {
    }

    /** A new empty database on the shared server: its JDBC URL (user {@code blockmine}, no password). */
    public static String newDatabase() {
        String server = server();
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(server.replace("/blockmine", "/postgres"), "blockmine", "")) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return server.replace("/blockmine", "/" + name);
    }

    /** The Spring properties of a node on a new database. */
    public static String[] nodeProperties() {
        return new String[] {"node.store=postgres", "spring.datasource.url=" + newDatabase()};
    }

    /**
     * A server of the caller's own, apart from the shared one, that it may stop and start again (a database that goes
     * away and comes back); its URL stays the same. Closing it stops it and removes its files.
     */
    public static OwnServer ownServer() {
        Path dir = target().resolve("postgres-test-" + ProcessHandle.current().pid() + "-" + DATABASES.incrementAndGet());
        OwnServer own = new OwnServer(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(script(), dir)));
        try {
            own.start();
        } catch (RuntimeException e) {
            server(); // skips the test where no server can be started at all; the shared one is not needed otherwise
            throw e;
        }
        return own;
    }

    /** A server of one test's own (see {@link #ownServer()}). */
    public static final class OwnServer implements AutoCloseable {

        private final Path dir;
        private String url;

        private OwnServer(Path dir) {
            this.dir = dir;
        }

        /** Its {@code blockmine} database. */
        public String url() {
            return url;
        }

        /** Starts it (again), on the same port. */
        public void start() {
            url = lastLine(url == null ? call("start", dir.toString(), freePort(), THROWAWAY)
                    : call("start", dir.toString(), THROWAWAY));
        }

        /** Stops it: every connection to it is cut. */
        public void stop() {
            call("stop", dir.toString());
        }

        @Override
        public void close() {
            TestPostgres.stop(script(), dir);
        }
    }

    private static String call(String... args) {
        try {
            return run(script(), args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A port free now, picked here: the script's own pick starts a Python, a second of a loaded machine. */
    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return String.valueOf(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lastLine(String output) {
        return output.lines().reduce((first, last) -> last).orElse("");
    }

    private static Path top() {
        Path top = Path.of("").toAbsolutePath();
        while (!Files.exists(top.resolve("scripts/postgres.sh"))) {
            top = top.getParent();
            if (top == null) {
                throw new IllegalStateException("scripts/postgres.sh not found above " + Path.of("").toAbsolutePath());
            }
        }
        return top;
    }

    private static Path script() {
        return top().resolve("scripts/postgres.sh");
    }

    /**
     * Where the servers' folders go: under the system's temporary folder, not the project's target/, because the
     * server runs as the unprivileged {@code postgres} user, which cannot reach a project cloned below a private
     * folder (root's home, a {@code mktemp -d} folder). One folder per test JVM, named by its pid.
     */
    private static Path target() {
        return Path.of(System.getProperty("java.io.tmpdir"), "blockmine-postgres-tests");
    }

    private static synchronized String server() {
        if (serverUrl == null && failure == null) {
            try {
                serverUrl = start();
            } catch (IOException | RuntimeException e) {
                failure = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted while starting PostgreSQL";
            }
        }
        Assumptions.assumeTrue(failure == null, () -> "no PostgreSQL server for the test: " + failure);
        return serverUrl;
    }

    private static String start() throws IOException, InterruptedException {
        Path script = script();
        Path target = target();
        stopLeftovers(script, target);
        Path dir = target.resolve("postgres-test-" + ProcessHandle.current().pid());
        String url = lastLine(run(script, "start", dir.toString(), freePort(), THROWAWAY));
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("scripts/postgres.sh start printed no URL: " + url);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(script, dir)));
        return url;
    }

    /** Servers of test JVMs that were killed before they could stop theirs. */
    private static void stopLeftovers(Path script, Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(target)) {
            dirs.filter(d -> d.getFileName().toString().matches("postgres-test-\\d+(-\\d+)?"))
                    .filter(d -> ProcessHandle.of(Long.parseLong(d.getFileName().toString().split("-")[2])).isEmpty())
                    .forEach(d -> stop(script, d));
        }
    }

    private static void stop(Path script, Path dir) {
        try {
            run(script, "stop", dir.toString());
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String run(Path script, String... args) throws IOException, InterruptedException {
        String[] command = Stream.concat(Stream.of("bash", script.toString()), Stream.of(args)).toArray(String[]::new);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("scripts/postgres.sh " + String.join(" ", args) + " failed: "
                    + new String(output, StandardCharsets.UTF_8).strip());
        }
        return new String(output, StandardCharsets.UTF_8).strip();
    }
}
