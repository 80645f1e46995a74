package dev.blockmine.node.store.postgres;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.BlockStore;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.PendingPool;

/**
 * The database of {@code node.store=postgres}, from the standard {@code spring.datasource.*} settings. Boot's own
 * DataSource auto-configuration is excluded (NodeApplication), so the memory and journal stores start without one;
 * once this DataSource exists, Boot's Flyway migrates the schema before the chain's store is made, and the health endpoint
 * reports the database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "node.store", havingValue = "postgres")
class PostgresConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource")
    DataSourceProperties dataSourceProperties() {
        return new DataSourceProperties();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    /** The chain's store: made after Flyway has made the schema, before the chain's first read. */
    @Bean
    @DependsOnDatabaseInitialization
    BlockStore postgresStore(HikariDataSource dataSource) {
        return new PostgresStore(dataSource);
    }

    /** The pending transactions, shared by the replicas. */
    @Bean
    @DependsOnDatabaseInitialization
    PendingPool postgresPendingPool(HikariDataSource dataSource, NodeProperties properties) {
        return new PostgresPendingPool(dataSource, properties.maxPendingTransactions(), properties.maxPendingPerSender());
    }

    @Bean
    ReplicaFollower replicaFollower(HikariDataSource dataSource, Chain chain) {
        return new ReplicaFollower(dataSource, chain);
    }
}
