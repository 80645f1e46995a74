package dev.blockmine.node;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.blockmine.node.launch.AotCacheLauncher;

// the auto-configurations left out are listed in application.yml (spring.autoconfigure.exclude)
@SpringBootApplication
@ConfigurationPropertiesScan
public class NodeApplication {

    public static void main(String[] args) {
        // java -jar node.jar relaunched already, at the jar's root (launch.NodeJar); this is mvn spring-boot:run's
        AotCacheLauncher.relaunchFromClassFolder(NodeApplication.class, args).ifPresent(System::exit);
        AotCacheLauncher.stopWithLauncher();
        SpringApplication.run(NodeApplication.class, args);
    }
}
