package dev.blockmine.node.chain;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.blockmine.node.NodeProperties;

@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

    @Bean
    Chain chain(NodeProperties properties) {
        return new Chain(Clock.systemUTC(), properties.maxPendingTransactions());
    }
}
