package dev.blockmine.node.events;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class TipEventsController {

    private final TipEvents tips;

    TipEventsController(TipEvents tips) {
        this.tips = tips;
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(HttpServletRequest request) {
        return tips.subscribe(request.getRemoteAddr());
    }
}
