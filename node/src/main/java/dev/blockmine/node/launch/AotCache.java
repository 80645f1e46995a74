package dev.blockmine.node.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The JVM's AOT cache the build trained ({@code target/aot/node.aot}) and the extracted jar it was trained on
 * ({@code target/aot/node.jar}, its libraries in {@code target/aot/lib}): where AotCacheTraining writes them and
 * AotCacheLauncher reads them. Like the whole package it uses the JDK only: it runs from the root of node.jar, before
 * Spring Boot's launcher opens the jar's nested jars.
 */
public record AotCache(Path file, Path app) {

    /** How the class that Spring AOT generates for the application's context ends. */
    private static final String SPRING_AOT_INITIALIZER = "__ApplicationContextInitializer.class";

    /** The cache in a build folder (node/target), when the training run made one. */
    public static Optional<AotCache> in(Path buildFolder) {
        AotCache cache = at(buildFolder);
        return Files.isRegularFile(cache.file()) && Files.isRegularFile(cache.app()) ? Optional.of(cache) : Optional.empty();
    }

    /** Where the cache of a build folder goes, made or not. */
    public static AotCache at(Path buildFolder) {
        Path folder = buildFolder.resolve("aot");
        return new AotCache(folder.resolve("node.aot"), folder.resolve("node.jar"));
    }

    /**
     * The JVM options the node is trained and started with beside the cache's own: {@code -Dspring.aot.enabled=true}
     * when the extracted jar holds the context Spring AOT generated at build time (process-aot), so that the start
     * neither reads the configuration classes nor scans for components; none when it does not (an older build).
     */
    public List<String> nodeOptions() {
        try (ZipFile jar = new ZipFile(app.toFile())) {
            return jar.stream().anyMatch(entry -> entry.getName().endsWith(SPRING_AOT_INITIALIZER))
                    ? List.of("-Dspring.aot.enabled=true") : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Whether the cache was made after every file of a class path (a jar, or each file under a folder of classes):
     * only then does the extracted jar hold the code that class path would run, not an older build of it.
     */
    public boolean madeAfter(List<Path> classPath) {
        try {
            FileTime made = Files.getLastModifiedTime(file);
            for (Path entry : classPath) {
                try (Stream<Path> files = Files.isDirectory(entry) ? Files.walk(entry) : Stream.of(entry)) {
                    if (files.filter(Files::isRegularFile).anyMatch(f -> lastModified(f).compareTo(made) > 0)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return false;
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
