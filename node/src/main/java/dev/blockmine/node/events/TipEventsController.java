package dev.blockmine.node.events;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class TipEventsController {

    private final TipEvents tips;

    TipEventsController(TipEvents tips) {
        this.tips = tips;
    }

    @Operation(summary = "New tips as server-sent events: the current tip first, then one \"tip\" event per new"
            + " tip (id = index, data {\"block\", \"hash\", \"index\"}); 503 past node.events.max-subscribers")
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(HttpServletRequest request) {
        return tips.subscribe(request.getRemoteAddr());
    }
}
