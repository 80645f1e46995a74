package dev.blockmine.node.tcp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.pow.BinaryRule;

@Configuration(proxyBeanMethods = false)
class TcpConfiguration {

    @Bean
    JobBoard jobBoard(Chain chain, NodeProperties properties) {
        NodeProperties.Tcp tcp = properties.tcp();
        return new JobBoard(chain, new BinaryRule(tcp.zeroBits()), tcp.slot(), tcp.pushJobs());
    }

    @Bean
    TcpMiningServer tcpMiningServer(JobBoard board, NodeProperties properties) {
        return new TcpMiningServer(board, properties.tcp());
    }
}
