package dev.blockmine.node.ledger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.Checkpoint;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    Ledger ledger(NodeProperties properties, Checkpoint checkpoint) {
        return new Ledger(properties.ledger(), checkpoint);
    }

    @Bean
    Accounts accounts(Chain chain, Ledger ledger) {
        ledger.follow(chain);
        return new Accounts(chain, ledger);
    }
}
