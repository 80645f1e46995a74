package dev.blockmine.node.mining;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.Chain;

@Configuration(proxyBeanMethods = false)
class MiningConfiguration {

    @Bean
    BlockForge blockForge(Chain chain, NodeProperties properties) {
        return new BlockForge(chain, properties.proofRule(), Clock.systemUTC());
    }

    @Bean
    MinerActivity minerActivity() {
        return new MinerActivity(Clock.systemUTC());
    }

    @Bean
    MiningMetrics miningMetrics(MeterRegistry registry, Chain chain, NodeProperties properties, MinerActivity activity) {
        return new MiningMetrics(registry, chain, properties.proofRule(), activity);
    }
}
