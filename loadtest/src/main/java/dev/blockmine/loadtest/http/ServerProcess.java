package dev.blockmine.loadtest.http;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A server under test, started as its own process on a free port ({@link #javaNode}, {@link #flaskNode}), stopped
 * after its runs.
 */
record ServerProcess(String name, Process process, int port) implements AutoCloseable {

    static ServerProcess javaNode(Path jar, int zeros, Path log) throws IOException, InterruptedException {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        return start("java node", List.of(java, "-jar", jar.toString(), "--server.port=" + port,
                "--node.difficulty=" + zeros, "--node.tcp.port=-1", "--logging.level.dev.blockmine=warn"), port, log);
    }

    static ServerProcess flaskNode(String python, Path script, int zeros, Path log) throws IOException, InterruptedException {
        int port = freePort();
        return start("flask (course)", List.of(python, script.toString(), "--port", Integer.toString(port),
                "--zeros", Integer.toString(zeros)), port, log);
    }

    private static ServerProcess start(String name, List<String> command, int port, Path log)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServerProcess server = new ServerProcess(name, process, port);
        server.awaitReady(Duration.ofSeconds(60), log);
        return server;
    }

    private void awaitReady(Duration timeout, Path log) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + " before serving; see " + log);
            }
            try (KeepAliveConnection probe = new KeepAliveConnection("127.0.0.1", port, 1000)) {
                if (probe.get("/last_block").status() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IOException(name + " did not answer GET /last_block within " + timeout.toSeconds() + " s; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
