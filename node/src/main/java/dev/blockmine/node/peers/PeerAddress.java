package dev.blockmine.node.peers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A peer's base URL, checked in full: http or https, a host, a port from 1 to 65535, nothing else (no user, path
 * beyond "/", query or fragment), at most 200 characters.
 *
 * @param url the normalized form ({@code http://host:port}) under which the peer is known
 */
public record PeerAddress(String url, String host, int port) {

    private static final int MAX_LENGTH = 200;

    /**
     * Reads an address as the course's nodes accept it ({@code http://host:port}, or just {@code host:port}).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static PeerAddress parse(String address) {
        String text = address.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a node address has 1 to " + MAX_LENGTH + " characters");
        }
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a node address: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("a node address is http:// or https://, not " + text);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("a node address is just scheme, host and port: " + text);
        }
        int port = uri.getPort();
        if (port == 0 || port > 65535 || (port < 0 && uri.getRawAuthority().endsWith(":"))) {
            throw new IllegalArgumentException("a node address has a port from 1 to 65535: " + text);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return new PeerAddress(scheme + "://" + host + (port >= 0 ? ":" + port : ""), host,
                port >= 0 ? port : scheme.equals("https") ? 443 : 80);
    }
}
