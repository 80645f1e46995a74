package dev.blockmine.node.peers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/** The other nodes this one knows, as normalized base URLs ({@code http://host:port}). */
public final class Peers {

    private final Set<String> known = new ConcurrentSkipListSet<>();
    private final String self;

    /** @param self this node's own address, never added as its own peer (may be null) */
    public Peers(String self) {
        this.self = self;
    }

    /**
     * Normalizes an address as the course's nodes accept it ({@code http://host:port}, or just {@code host:port}).
     *
     * @throws IllegalArgumentException for anything that is not an http(s) address with a host
     */
    public static String normalize(String address) {
        String text = address.strip();
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("not a node address: " + address);
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a node address: " + address);
        }
    }

    /** Adds addresses (normalized); returns whether any was new. */
    public boolean add(List<String> addresses) {
        boolean added = false;
        for (String address : addresses) {
            String peer = normalize(address);
            if (!peer.equals(self)) {
                added |= known.add(peer);
            }
        }
        return added;
    }

    public List<String> all() {
        return List.copyOf(known);
    }
}
