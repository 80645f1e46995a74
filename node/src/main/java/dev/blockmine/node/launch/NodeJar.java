package dev.blockmine.node.launch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The Main-Class of node.jar, at the root of the jar beside Spring Boot's launcher (NodeJarPackaging puts it there):
 * it starts the node from the AOT cache before anything opens the jar's nested jars (AotCacheLauncher), and when it
 * does not, hands over to Spring Boot's {@code JarLauncher}, which runs NodeApplication as the jar's Start-Class.
 */
public final class NodeJar {

    /** The launcher Spring Boot's repackaging makes the Main-Class, read at run time: it is not on the compile path. */
    static final String SPRING_BOOT_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

    private NodeJar() {
    }

    public static void main(String[] args) throws Throwable {
        Optional<Integer> relaunched = AotCacheLauncher.codeSource(NodeJar.class)
                .flatMap(jar -> AotCacheLauncher.relaunchFromJar(jar, args));
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        try {
            Class.forName(SPRING_BOOT_LAUNCHER).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
