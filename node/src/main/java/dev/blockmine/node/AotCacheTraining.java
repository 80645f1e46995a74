package dev.blockmine.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The build's last step for the node (Maven runs it after the jar is made): the training run that
 * writes the JVM's AOT cache (JEP 483/514/515) the way Spring Boot documents it. The jar is extracted to
 * target/aot (node.jar and lib/: the cache needs plain jars on the class path), the extracted node is started until
 * its context is refreshed ({@code spring.context.exit=onRefresh}: every bean made, no port bound), and the JVM
 * writes target/aot/node.aot as it exits. {@code java -jar node/target/node.jar} then starts from it
 * (AotCacheLauncher). When anything here fails the build goes on and says so: the node starts as before, slower.
 *
 * <p>Usage: {@code AotCacheTraining TARGET_FOLDER}. Not part of the node's start: the build's tool, kept beside the
 * launcher that reads what it writes.
 */
public final class AotCacheTraining {

    private AotCacheTraining() {
    }

    private static final long TRAINING_MINUTES = 5;

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]).toAbsolutePath();
        Path jar = target.resolve("node.jar");
        AotCache made = AotCache.at(target);
        Path cache = made.file();
        Path folder = cache.getParent();
        Files.deleteIfExists(cache); // never one trained on an older jar
        if (!Files.isRegularFile(jar)) {
            skip("no " + jar);
            return;
        }
        long start = System.nanoTime();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = target.resolve("aot-training.log");
        if (!run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", folder.toString(),
                "--force"), target, log)) {
            skip("extracting the jar failed (" + log + ")");
            return;
        }
        Path workingFolder = Files.createTempDirectory("node-aot-training"); // whatever the node writes stays out of the build
        try {
            boolean trained = run(List.of(java, "-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error", "-Xlog:aot+codecache=off",
                    "-Dspring.context.exit=onRefresh", "-jar", made.app().toString(),
                    "--server.port=0", "--node.tcp.port=-1", "--logging.level.root=error"), workingFolder, log);
            if (!trained || !Files.isRegularFile(cache)) {
                Files.deleteIfExists(cache);
                skip("the training run failed (" + log + ")");
                return;
            }
        } finally {
            try (var files = Files.walk(workingFolder)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
        System.out.printf("[aot] %s: %d MB, trained in %.1f s; java -jar %s starts from it%n", target.relativize(cache),
                Files.size(cache) >> 20, (System.nanoTime() - start) / 1e9, jar.getFileName());
    }

    private static boolean run(List<String> command, Path folder, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    private static void skip(String why) {
        System.out.println("[aot] no AOT cache: " + why + "; java -jar node.jar starts without it (slower)");
    }
}
