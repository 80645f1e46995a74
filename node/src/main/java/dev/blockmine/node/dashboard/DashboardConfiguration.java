package dev.blockmine.node.dashboard;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.blockmine.node.NodeProperties;
import dev.blockmine.node.chain.Chain;
import dev.blockmine.node.mining.MinerActivity;
import dev.blockmine.node.tcp.BinaryDifficulty;
import dev.blockmine.node.tcp.TcpMiningServer;

@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    /** Between blocks the page still sees hashrate and miners change. */
    static final Duration TICK = Duration.ofSeconds(2);

    @Bean
    Leaderboard leaderboard(Chain chain) {
        return new Leaderboard(chain);
    }

    @Bean
    DashboardSnapshots dashboardSnapshots(Chain chain, NodeProperties properties, MinerActivity activity, Leaderboard leaderboard,
            TcpMiningServer tcp, BinaryDifficulty difficulty) {
        return new DashboardSnapshots(chain, properties.proofRule(), activity, leaderboard, tcp::minerCount,
                () -> difficulty.current().zeroBits(), properties.ledger());
    }

    @Bean
    DashboardEvents dashboardEvents(Chain chain, DashboardSnapshots snapshots) {
        return new DashboardEvents(chain, snapshots);
    }

    @Bean
    SmartLifecycle dashboardTicker(DashboardEvents events) {
        return new SmartLifecycle() {
            private volatile Thread ticker;

            @Override
            public void start() {
                ticker = Thread.ofVirtual().name("dashboard-tick").start(() -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            Thread.sleep(TICK);
                            events.broadcast();
                        }
                    } catch (InterruptedException e) {
                        // stopping
                    }
                });
            }

            @Override
            public void stop() {
                ticker.interrupt();
                events.closeAll();
            }

            @Override
            public boolean isRunning() {
                return ticker != null && ticker.isAlive();
            }
        };
    }
}
