package dev.blockmine.node.store.postgres;

import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

import com.zaxxer.hikari.HikariDataSource;

import dev.blockmine.node.chain.BlockStore;
import dev.blockmine.node.chain.PendingPool;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The PostgreSQL database of {@code node.store=postgres}: a HikariCP pool from the standard {@code spring.datasource.*}
 * settings, its schema migrated by Flyway (db/migration) as it opens, before the chain's first read. The node opens it
 * itself, and only for that store, rather than through Spring Boot's DataSource and Flyway auto-configurations: their
 * conditions would be fixed when Spring AOT processes the context at build time, where no store is chosen.
 */
public final class PostgresDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;

    private PostgresDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens the pool ({@code spring.datasource.hikari.*} bound onto it) and migrates the schema. */
    static PostgresDatabase open(DataSourceProperties properties, Binder settings, MeterRegistry metrics) {
        HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        settings.bind("spring.datasource.hikari", Bindable.ofInstance(dataSource));
        dataSource.setMetricRegistry(metrics); // hikaricp_* in /actuator/prometheus, as Boot's pool metrics gave
        try {
            Flyway.configure().dataSource(dataSource).load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new PostgresDatabase(dataSource);
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    public BlockStore blockStore() {
        return new PostgresStore(dataSource);
    }

    /** The pending transactions, shared by the replicas. */
    public PendingPool pendingPool(int max, int maxPerSender) {
        return new PostgresPendingPool(dataSource, max, maxPerSender);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
