package dev.blockmine.node.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.spi.ToolProvider;

/**
 * The build's step after Spring Boot's repackaging (Maven runs it before AotCacheTraining): copies this package to
 * the root of node.jar and makes {@link NodeJar} its Main-Class, so that {@code java -jar node.jar} decides on the
 * AOT cache in a JVM that has loaded a few JDK classes only. The JDK's jar tool keeps the nested jars stored, as
 * Spring Boot's launcher needs them, and the manifest's other attributes (Start-Class) as they are.
 *
 * <p>Usage: {@code NodeJarPackaging TARGET_FOLDER}, the folder of node.jar and of the compiled classes.
 */
public final class NodeJarPackaging {

    private NodeJarPackaging() {
    }

    public static void main(String[] args) {
        Path target = Path.of(args[0]).toAbsolutePath();
        Path jar = target.resolve("node.jar");
        String launchPackage = NodeJar.class.getPackageName().replace('.', '/');
        if (!Files.isRegularFile(jar) || !Files.isDirectory(target.resolve("classes").resolve(launchPackage))) {
            throw new IllegalStateException("no " + jar + " or no compiled " + launchPackage + " in " + target);
        }
        ToolProvider jarTool = ToolProvider.findFirst("jar").orElseThrow();
        int exit = jarTool.run(System.out, System.err, "--update", "--file", jar.toString(),
                "--main-class", NodeJar.class.getName(), "-C", target.resolve("classes").toString(), launchPackage);
        if (exit != 0) {
            throw new IllegalStateException("jar --update " + jar + " failed with " + exit);
        }
    }
}
