package dev.blockmine.node.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.blockmine.pow.binary.Frame;

/**
 * Attack 3 of round three: 20,000 idle sockets from one address reached the descriptor limit, and honest miners could
 * not connect. Connections are capped per address and in all; past either cap a connection is closed as soon as it is
 * accepted, and miners from other addresses are still served.
 */
class ConnectionCapTest {

    private final List<Socket> idle = new ArrayList<>();

    @Test
    void oneAddressGetsItsShareAndNoMore() throws IOException {
        try (TcpNode node = new TcpNode(TcpNode.settings(8).maxConnections(20).maxConnectionsPerAddress(8).build())) {
            for (int i = 0; i < 200; i++) { // the attacker: silent sockets from one address
                silent(node.port(), "127.0.0.1");
            }
            await("the attacker's sockets past its share closed").atMost(Duration.ofSeconds(20))
                    .until(() -> idle.stream().filter(ConnectionCapTest::closedByNode).count() == 192);
            assertThat(node.server.connectionCount()).isEqualTo(8);

            try (RawMiner honest = new RawMiner(node.port(), "127.0.0.2")) {
                assertThat(honest.ask("honest")).isInstanceOf(Frame.Task.class);
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(node.server.connectionCount()).isEqualTo(8));

            for (int a = 3; a < 6; a++) { // three more addresses take the 12 slots left of the 20
                for (int i = 0; i < 4; i++) {
                    silent(node.port(), "127.0.0." + a);
                }
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(node.server.connectionCount()).isEqualTo(20));
            Socket late = silent(node.port(), "127.0.0.9");
            await("past the global cap").atMost(Duration.ofSeconds(10)).until(() -> closedByNode(late));

            closeAll();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(node.server.connectionCount()).isZero());
            try (RawMiner again = new RawMiner(node.port(), "127.0.0.1")) {
                assertThat(again.ask("again")).as("slots are given back").isInstanceOf(Frame.Task.class);
            }
        } finally {
            closeAll();
        }
    }

    private Socket silent(int port, String from) throws IOException {
        Socket socket = new Socket();
        idle.add(socket);
        socket.bind(new InetSocketAddress(from, 0));
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(20);
        } catch (SocketException resetAlready) {
            socket.close(); // the node accepted and reset it before connect returned: closed by the node
        }
        return socket;
    }

    /** End of stream or a reset: the node closed it. A timeout: it is still open. */
    private static boolean closedByNode(Socket socket) {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private void closeAll() throws IOException {
        for (Socket socket : idle) {
            socket.close();
        }
    }
}
