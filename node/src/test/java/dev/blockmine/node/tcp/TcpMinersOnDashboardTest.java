package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.blockmine.node.NodeOnRandomPort;
import dev.blockmine.pow.CanonicalJson;
import dev.blockmine.pow.binary.Frame;
import dev.blockmine.pow.binary.FrameCodec;

/**
 * A TCP miner is a connection that has asked for work with a valid G: silent sockets, and one whose G was refused,
 * are connections but not miners, on the dashboard and in {@code blockmine_tcp_miners}.
 */
@TestPropertySource(properties = {"node.difficulty=2", "node.tcp.zero-bits=8"})
class TcpMinersOnDashboardTest extends NodeOnRandomPort {

    @Autowired
    TcpMiningServer tcp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void onlyConnectionsThatSentAValidGCountAsMiners() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> tcp.connectionCount() == 0); // earlier tests' connections
        List<RawMiner> silent = new ArrayList<>();
        try (RawMiner nameless = new RawMiner(tcp.port())) {
            for (int i = 0; i < 3; i++) {
                silent.add(new RawMiner(tcp.port()));
            }
            nameless.sendRaw(FrameCodec.encode(new Frame.Get(""))); // a G without a name: refused with Q
            assertThat(nameless.read()).isEqualTo(new Frame.Quit());
            await().atMost(Duration.ofSeconds(10)).until(() -> tcp.connectionCount() == 3);
            assertThat(tcp.minerCount()).isZero();
            assertThat(dashboardMiners()).isZero();
            assertThat(prometheus()).containsPattern("blockmine_tcp_miners(\\{[^}]*\\})? 0\\.0");

            silent.getFirst().ask("ana");
            assertThat(tcp.minerCount()).isEqualTo(1);
            assertThat(dashboardMiners()).isEqualTo(1);
            assertThat(prometheus()).containsPattern("blockmine_tcp_miners(\\{[^}]*\\})? 1\\.0");

            silent.getFirst().close();
            await().atMost(Duration.ofSeconds(10)).until(() -> tcp.minerCount() == 0);
        } finally {
            silent.forEach(RawMiner::close);
        }
    }

    private int dashboardMiners() throws Exception {
        return CanonicalJson.parse(get("/dashboard/snapshot")).get("tcp_miners").intValue();
    }

    private String prometheus() throws Exception {
        return get("/actuator/prometheus");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
