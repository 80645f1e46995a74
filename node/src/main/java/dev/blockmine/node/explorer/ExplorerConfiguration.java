package dev.blockmine.node.explorer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.ledger.Accounts;

@Configuration(proxyBeanMethods = false)
class ExplorerConfiguration {

    @Bean
    AccountIndex accountIndex(Chain chain) {
        return new AccountIndex(chain);
    }

    @Bean
    AccountHistory accountHistory(Chain chain, Accounts accounts, AccountIndex index) {
        return new AccountHistory(chain, accounts, index);
    }

    @Bean
    BlockExplanation blockExplanation(NodeProperties properties) {
        return new BlockExplanation(properties.proofRule());
    }
}
