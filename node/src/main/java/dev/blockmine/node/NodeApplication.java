package dev.blockmine.node;

import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// no DataSource unless node.store=postgres makes one (store.postgres.PostgresConfiguration)
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class NodeApplication {

    public static void main(String[] args) {
        Optional<Integer> relaunched = AotCacheLauncher.relaunchIfCached(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        AotCacheLauncher.stopWithLauncher();
        SpringApplication.run(NodeApplication.class, args);
    }
}
