package dev.blockmine.node.sse;

import java.nio.charset.StandardCharsets;

/**
 * One message of a server-sent event stream, encoded once: an event ({@code event:}, {@code id:}, JSON {@code data:})
 * or a comment (a heartbeat). A broadcast hands the same bytes to every stream, so a thousand subscribers of a 3 MB
 * tip hold one copy of it, not a thousand.
 */
public final class ServerEvent {

    private final byte[] frame;

    private ServerEvent(String text) {
        this.frame = text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param name the event's type
     * @param id the event's id, or null for none
     * @param json the event's data: JSON, whose line breaks (none in canonical JSON) each start a {@code data:} line
     */
    public static ServerEvent json(String name, String id, String json) {
        return new ServerEvent("event:" + name + "\n" + (id == null ? "" : "id:" + id + "\n")
                + "data:" + json.replace("\n", "\ndata:") + "\n\n");
    }

    /** A comment line: clients ignore it, but it shows proxies the stream is alive and finds readers that left. */
    public static ServerEvent comment(String text) {
        return new ServerEvent(":" + text + "\n\n");
    }

    /** The bytes on the wire, shared: never to be changed. */
    byte[] frame() {
        return frame;
    }

    /** Bytes on the wire: what the event costs a subscriber's budget while it waits. */
    int size() {
        return frame.length;
    }
}
