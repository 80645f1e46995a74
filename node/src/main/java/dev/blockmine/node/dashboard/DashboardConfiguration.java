package dev.blockmine.node.dashboard;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.chain.Checkpoint;
import dev.blockmine.node.mining.MinerActivity;
import dev.blockmine.node.sse.EventStreamProperties;
import dev.blockmine.node.sse.EventStreams;
import dev.blockmine.node.sse.StreamTicker;
import dev.blockmine.node.tcp.BinaryDifficulty;
import dev.blockmine.node.tcp.TcpMiningServer;

@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    /** Between blocks the page still sees hashrate and miners change. */
    static final Duration TICK = Duration.ofSeconds(2);

    @Bean
    Leaderboard leaderboard(Chain chain, Checkpoint checkpoint) {
        return new Leaderboard(chain, checkpoint);
    }

    @Bean
    DashboardSnapshots dashboardSnapshots(Chain chain, NodeProperties properties, MinerActivity activity, Leaderboard leaderboard,
            TcpMiningServer tcp, BinaryDifficulty difficulty) {
        return new DashboardSnapshots(chain, properties.proofRule(), activity, leaderboard, tcp::minerCount,
                () -> difficulty.current().zeroBits(), properties.ledger());
    }

    @Bean
    DashboardEvents dashboardEvents(Chain chain, DashboardSnapshots snapshots, EventStreamProperties streams) {
        return new DashboardEvents(chain, snapshots, new EventStreams("dashboard page", streams));
    }

    @Bean
    StreamTicker dashboardTicker(DashboardEvents events) {
        return new StreamTicker("dashboard-tick", TICK, events::broadcast, events.streams());
    }
}
