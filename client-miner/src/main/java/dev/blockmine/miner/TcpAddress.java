package dev.blockmine.miner;

/** A node's binary-protocol address, {@code HOST:PORT}. */
record TcpAddress(String host, int port) {

    static final int DEFAULT_PORT = 5001;

    /** Parses {@code HOST:PORT} or {@code HOST} (port 5001); {@code [::1]:5001} for IPv6. */
    static TcpAddress parse(String text) {
        String host = text;
        int port = DEFAULT_PORT;
        int colon = text.lastIndexOf(':');
        if (colon >= 0 && text.indexOf(']') < colon) {
            host = text.substring(0, colon);
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (host.isBlank() || host.contains("/") || port < 1 || port > 65535) {
            throw new IllegalArgumentException("Not a node address: \"" + text + "\" (expected HOST:PORT, e.g. localhost:5001)");
        }
        return new TcpAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
