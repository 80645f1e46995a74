package dev.blockmine.node.launch;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import sun.misc.Signal;

/**
 * Starts the node again from the JVM's AOT cache that the build trained ({@code target/aot/node.aot}, beside the
 * extracted copy of the jar it was trained on, {@code target/aot/node.jar}). A jar's manifest cannot add a JVM option,
 * so the node starts itself again: same java, same JVM options and arguments, plus {@code -XX:AOTCache} (and Spring
 * AOT's generated context when the jar holds it, {@link AotCache#nodeOptions()}); it passes
 * the exit code on and forwards SIGINT and SIGTERM, and the started node stops when this JVM dies (even by SIGKILL).
 * {@code java -jar node/target/node.jar} reaches it through {@link NodeJar}, {@code mvn spring-boot:run} through
 * the node's main method.
 *
 * <p>It does not when the cache is missing or older than any file of the class path (the build was not finished, or
 * classes were compiled since), when the JVM already names an AOT cache (it is the relaunched node, or a training
 * run), when an agent is attached (a debugger would be attached to the wrong JVM), in Spring Boot's jar mode
 * ({@code -Djarmode=tools}), or with {@code -Dblockmine.aot-cache=false}. Run from folders of classes rather than a
 * jar it does so only when asked with {@code -Dblockmine.aot-cache=true}, as node/pom.xml asks for
 * {@code spring-boot:run}: tests that start the node on their own class path run it there.
 */
public final class AotCacheLauncher {

    /** {@code false} keeps the node in the JVM it was started in; {@code true} relaunches from folders of classes too. */
    static final String ENABLED_PROPERTY = "blockmine.aot-cache";
    /** Set on the started node: it stops when the JVM that started it is gone. */
    static final String LAUNCHED_PROPERTY = "blockmine.launched-by";

    private AotCacheLauncher() {
    }

    /**
     * For node.jar (its Main-Class, {@link NodeJar}): the exit code of the node started from the cache beside the jar,
     * or empty when this JVM should run the node itself.
     */
    static Optional<Integer> relaunchFromJar(Path jar, String[] args) {
        if (System.getProperty(ENABLED_PROPERTY, "").equalsIgnoreCase("false") || jar.getParent() == null) {
            return Optional.empty();
        }
        return relaunch(jar.getParent(), List.of(jar), args);
    }

    /**
     * For the node run from folders of classes ({@code mvn spring-boot:run}), when {@code -Dblockmine.aot-cache=true}
     * asks for it: the exit code of the node started from the cache of the build folder the classes are in, or empty
     * when this JVM should run the node itself (always when the classes are in a jar: node.jar decided already).
     */
    public static Optional<Integer> relaunchFromClassFolder(Class<?> application, String[] args) {
        if (!System.getProperty(ENABLED_PROPERTY, "").equalsIgnoreCase("true")) {
            return Optional.empty();
        }
        return codeSource(application).filter(Files::isDirectory).filter(classes -> classes.getParent() != null)
                .flatMap(classes -> relaunch(classes.getParent(), Stream.of(System.getProperty("java.class.path")
                        .split(File.pathSeparator)).filter(entry -> !entry.isEmpty()).map(Path::of).toList(), args));
    }

    /** Where a class was loaded from, when it is a file or folder (not an entry of a jar inside a jar). */
    static Optional<Path> codeSource(Class<?> type) {
        try {
            URL location = type.getProtectionDomain().getCodeSource().getLocation();
            return "file".equals(location.getProtocol()) ? Optional.of(Path.of(location.toURI())) : Optional.empty();
        } catch (URISyntaxException | NullPointerException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> relaunch(Path buildFolder, List<Path> classPath, String[] args) {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (System.getProperty("jarmode") != null
                || jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:AOT") || o.startsWith("-XX:SharedArchiveFile")
                        || o.startsWith("-agentlib") || o.startsWith("-agentpath") || o.startsWith("-javaagent"))) {
            return Optional.empty();
        }
        Optional<String> java = ProcessHandle.current().info().command();
        Optional<AotCache> cache = AotCache.in(buildFolder).filter(found -> found.madeAfter(classPath));
        if (java.isEmpty() || cache.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(jvmOptions);
        command.add("-XX:AOTCache=" + cache.get().file());
        command.addAll(cache.get().nodeOptions());
        command.add("-D" + LAUNCHED_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-jar");
        command.add(cache.get().app().toString());
        command.addAll(List.of(args));
        try {
            Process node = new ProcessBuilder(command).inheritIO().start();
            for (String name : new String[] {"INT", "TERM"}) { // a terminal's Ctrl-C reaches both; a kill only us
                Signal.handle(new Signal(name), signal -> node.destroy());
            }
            return Optional.of(node.waitFor());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    /** In a node this launcher started: stop (shutdown hooks and all) when the launcher's JVM is gone. */
    public static void stopWithLauncher() {
        String launcher = System.getProperty(LAUNCHED_PROPERTY);
        if (launcher != null) {
            ProcessHandle.of(Long.parseLong(launcher)).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(143)), () -> System.exit(143));
        }
    }
}
