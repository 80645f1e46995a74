package dev.blockmine.node.sse;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One message of a server-sent event stream: an event ({@code event:}, {@code id:}, JSON {@code data:}) or a comment
 * (a heartbeat). Kept as data because Spring's event builder is single-use and a broadcast goes to many streams.
 *
 * @param name the event's type, or null for a comment
 * @param id the event's id, or null for none
 * @param text the event's JSON data, or the comment's text
 */
public record ServerEvent(String name, String id, String text) {

    public static ServerEvent json(String name, String id, String json) {
        return new ServerEvent(name, id, json);
    }

    /** A comment line: clients ignore it, but it shows proxies the stream is alive and finds readers that left. */
    public static ServerEvent comment(String text) {
        return new ServerEvent(null, null, text);
    }

    SseEmitter.SseEventBuilder toBuilder() {
        if (name == null) {
            return SseEmitter.event().comment(text);
        }
        SseEmitter.SseEventBuilder event = SseEmitter.event().name(name);
        if (id != null) {
            event.id(id);
        }
        return event.data(text, MediaType.APPLICATION_JSON);
    }
}
