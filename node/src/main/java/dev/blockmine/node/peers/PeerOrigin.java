package dev.blockmine.node.peers;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which of our peers sent a request: the one whose address resolves to the request's source address and whose port
 * is the one the sender names in {@link #PORT_HEADER} (a node cannot know the name we know it by, but it knows its
 * port). Used only so that a block is not announced back to the peer it came from; a sender that names a wrong port
 * merely gets its own block back once, which it answers with "already known".
 */
public final class PeerOrigin {

    /** The sender's HTTP port, on every announcement a node sends. */
    public static final String PORT_HEADER = "X-Blockmine-Port";

    private final Peers peers;

    public PeerOrigin(Peers peers) {
        this.peers = peers;
    }

    /** @param port the value of {@link #PORT_HEADER}, or null when the sender sent none */
    public Optional<String> of(String remoteAddress, String port) {
        if (port == null || !port.matches("\\d{1,5}")) {
            return Optional.empty();
        }
        try {
            InetAddress source = InetAddress.getByName(remoteAddress);
            return peers.all().stream().filter(peer -> {
                URI uri = URI.create(peer);
                return port.equals(String.valueOf(uri.getPort())) && resolvesTo(uri.getHost(), source);
            }).findFirst();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean resolvesTo(String host, InetAddress source) {
        try {
            return Arrays.asList(InetAddress.getAllByName(host)).contains(source);
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
