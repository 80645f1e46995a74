package dev.blockmine.node.mining;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.Chain;

@Configuration(proxyBeanMethods = false)
class MiningConfiguration {

    @Bean
    BlockForge blockForge(Chain chain, NodeProperties properties) {
        return new BlockForge(chain, properties.proofRule());
    }
}
