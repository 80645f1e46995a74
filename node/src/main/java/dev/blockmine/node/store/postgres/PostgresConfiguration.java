package dev.blockmine.node.store.postgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.Chain;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The database of {@code node.store=postgres}, chosen at start without a {@code @Conditional} (which Spring AOT would
 * decide at build time): each bean here is made for every store, and for the others is a null bean, which Spring
 * treats as absent (no follower to start, no health component). Boot's DataSource, Flyway and database health
 * auto-configurations are excluded (application.yml); {@link PostgresDatabase} does their work.
 */
@Configuration(proxyBeanMethods = false)
class PostgresConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource")
    DataSourceProperties dataSourceProperties() {
        return new DataSourceProperties();
    }

    /** Opened and migrated with {@code node.store=postgres}; none for the other stores. */
    @Bean
    PostgresDatabase postgresDatabase(NodeProperties properties, DataSourceProperties dataSource, Environment environment,
            MeterRegistry metrics) {
        return properties.store() == NodeProperties.Store.POSTGRES
                ? PostgresDatabase.open(dataSource, Binder.get(environment), metrics) : null;
    }

    /** Brings in the blocks the other replicas appended. */
    @Bean
    ReplicaFollower replicaFollower(ObjectProvider<PostgresDatabase> database, Chain chain) {
        PostgresDatabase opened = database.getIfAvailable();
        return opened == null ? null : new ReplicaFollower(opened.dataSource(), chain);
    }

    /** {@code components.db} of /actuator/health: DOWN (503) when the database is away. */
    @Bean
    HealthIndicator dbHealthIndicator(ObjectProvider<PostgresDatabase> database) {
        PostgresDatabase opened = database.getIfAvailable();
        return opened == null ? null : new DataSourceHealthIndicator(opened.dataSource());
    }
}
