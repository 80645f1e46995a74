package dev.blockmine.miner;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.blockmine.pow.engine.Engines;
import sun.misc.Signal;

/**
 * Makes {@code java -jar client-miner.jar} run with the Vector API: a JAR manifest cannot add a module, so when the
 * module is missing the miner starts itself again with {@code --add-modules jdk.incubator.vector} (same java, same
 * JVM options, same arguments), passes its exit code on, and forwards Ctrl-C and SIGTERM. When that is not
 * possible (not started from a jar, or relaunching disabled) the miner carries on with the scalar engine.
 */
final class VectorModuleLauncher {

    /** Set on the child, so it never relaunches again. */
    static final String RELAUNCHED_PROPERTY = "blockmine.relaunched";
    /** {@code -Dblockmine.relaunch=false} keeps the miner in the JVM it was started in. */
    static final String RELAUNCH_PROPERTY = "blockmine.relaunch";

    private VectorModuleLauncher() {
    }

    /** The exit code of a relaunched miner, or empty when this JVM should run the miner itself. */
    static Optional<Integer> relaunchIfNeeded(String[] args) {
        if (Engines.vectorModuleLoaded() || Boolean.getBoolean(RELAUNCHED_PROPERTY)
                || !Boolean.parseBoolean(System.getProperty(RELAUNCH_PROPERTY, "true"))) {
            return Optional.empty();
        }
        Optional<List<String>> command = command(args);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process child = new ProcessBuilder(command.get()).inheritIO().start();
            // the terminal sends Ctrl-C to both; a signal sent to this process alone is passed on as SIGTERM,
            // which the child treats like Ctrl-C (see Interrupts)
            for (String name : new String[] {"INT", "TERM"}) {
                try {
                    Signal.handle(new Signal(name), signal -> child.destroy());
                } catch (IllegalArgumentException e) {
                    // no such signal here
                }
            }
            return Optional.of(child.waitFor());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    private static Optional<List<String>> command(String[] args) {
        Optional<String> java = ProcessHandle.current().info().command();
        Optional<Path> jar = runningJar();
        if (java.isEmpty() || jar.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-D" + RELAUNCHED_PROPERTY + "=true");
        command.add("-jar");
        command.add(jar.get().toString());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /** The jar this class was loaded from, when it was a jar. */
    private static Optional<Path> runningJar() {
        try {
            var source = VectorModuleLauncher.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path path = Path.of(source.getLocation().toURI());
            return path.toString().endsWith(".jar") && path.toFile().isFile() ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
