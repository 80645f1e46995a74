package dev.blockmine.node.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.NodeOnRandomPort;
import dev.blockmine.node.StalledStreams;
import dev.blockmine.pow.ProofRule;

/**
 * Dashboard viewers that stop reading fill their sockets' buffers, and every write to them then hangs until the
 * server's write timeout (here far longer than the test). Miners must still be answered at once, a page that reads
 * must still get every block, and the stalled pages must be dropped. Blocks come as fast as the reading page takes
 * them: a page 8 snapshots behind counts as stalled.
 */
@TestPropertySource(properties = {"node.difficulty=1", "node.tcp.port=-1", "server.tomcat.connection-timeout=10m"})
class StalledDashboardTest extends NodeOnRandomPort {

    private static final ProofRule RULE = new ProofRule(1);
    private static final int STALLED = 4;
    private static final Pattern HEIGHT = Pattern.compile("\"height\": ?(\\d+)");

    @Autowired
    DashboardEvents events;

    @Test
    void minersAreAnsweredWhileViewersStallAndStalledViewersAreDropped() throws Exception {
        AtomicLong seenHeight = new AtomicLong();
        try (Socket reader = StalledStreams.open(port, "/dashboard/events", 64 * 1024);
                StalledStreams stalled = new StalledStreams(port, "/dashboard/events", STALLED)) {
            Thread.ofVirtual().start(() -> readHeights(reader, seenHeight));
            await().atMost(Duration.ofSeconds(30)).until(() -> events.pages() == STALLED + 1);

            int mined = 0;
            while (events.pages() > 1) {
                // with the pages written on the appending thread, this answer waits for the stalled writes (10 min)
                assertThat(mine(RULE)).as("block %d answered while %d pages are open", chain.tip().index() + 1,
                        events.pages()).isEqualTo(200);
                assertThat(++mined).as("blocks mined before the stalled pages were dropped").isLessThan(20_000);
                long forged = chain.tip().index(); // a page that reads keeps up with blocks at the pace it reads them
                // polled every millisecond: hundreds of blocks pass before the stalled pages are dropped
                await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> seenHeight.get() >= forged);
            }
            assertThat(mine(RULE)).as("answered after the stalled pages were dropped").isEqualTo(200);
            long last = chain.tip().index();
            await().atMost(Duration.ofSeconds(30)).until(() -> seenHeight.get() == last); // the reading page kept up
            assertThat(events.pages()).isEqualTo(1);
        }
    }

    private static void readHeights(Socket socket, AtomicLong seenHeight) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher height = HEIGHT.matcher(line);
                if (line.startsWith("data:") && height.find()) {
                    seenHeight.accumulateAndGet(Long.parseLong(height.group(1)), Math::max);
                }
            }
        } catch (IOException e) {
            // the test is over
        }
    }
}
