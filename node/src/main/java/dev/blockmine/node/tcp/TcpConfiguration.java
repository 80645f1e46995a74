package dev.blockmine.node.tcp;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.mining.MiningMetrics;

@Configuration(proxyBeanMethods = false)
class TcpConfiguration {

    @Bean
    BinaryDifficulty binaryDifficulty(Chain chain, NodeProperties properties) {
        NodeProperties.Tcp tcp = properties.tcp();
        // a binary block may not claim less work than the HTTP rule asks: peers and miners would reject it (a fixed
        // target below it, or a maximum below this floor, stop the node at start: NodeProperties.validate)
        int floor = Math.max(tcp.minZeroBits(), properties.minBinaryZeroBits());
        return new BinaryDifficulty(chain, tcp.zeroBits(), new BinaryDifficulty.Retarget(tcp.targetBlockSeconds(),
                tcp.retargetWindow(), floor, Math.max(floor, tcp.maxZeroBits()), tcp.maxRetargetStep()));
    }

    @Bean
    JobBoard jobBoard(Chain chain, BinaryDifficulty difficulty, NodeProperties properties, MiningMetrics metrics) {
        NodeProperties.Tcp tcp = properties.tcp();
        JobBoard board = new JobBoard(chain, difficulty, tcp.slot(), tcp.pushJobs(), tcp.solutions().hashingPermits());
        board.reportOutcomesTo(metrics::record);
        return board;
    }

    @Bean
    TcpMiningServer tcpMiningServer(JobBoard board, NodeProperties properties, BinaryDifficulty difficulty,
            MeterRegistry registry, @Value("${server.tomcat.max-connections:8192}") int httpConnections,
            Environment environment) {
        TcpMiningServer server = new TcpMiningServer(board, properties.tcp(), httpConnections,
                () -> environment.getProperty("local.server.port", Integer.class, -1));
        Gauge.builder("blockmine.tcp.miners", server, TcpMiningServer::minerCount)
                .description("Binary-protocol miners connected (that have sent G)").register(registry);
        Gauge.builder("blockmine.tcp.zero.bits", difficulty, d -> d.current().zeroBits())
                .description("Zero bits the next binary job asks for").register(registry);
        return server;
    }
}
