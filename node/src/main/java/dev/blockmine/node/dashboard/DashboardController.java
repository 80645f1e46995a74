package dev.blockmine.node.dashboard;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.blockmine.pow.CanonicalJson;
import io.swagger.v3.oas.annotations.Operation;

/** The live dashboard's data: a snapshot on demand, and a stream of them (the page itself is static/index.html). */
@RestController
class DashboardController {

    private final DashboardSnapshots snapshots;
    private final DashboardEvents events;

    DashboardController(DashboardSnapshots snapshots, DashboardEvents events) {
        this.snapshots = snapshots;
        this.events = events;
    }

    @Operation(summary = "The dashboard's figures, once")
    @GetMapping("/dashboard/snapshot")
    ResponseEntity<String> snapshot() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(CanonicalJson.encode(snapshots.snapshot()));
    }

    @Operation(summary = "The dashboard's figures as server-sent events")
    @GetMapping(path = "/dashboard/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(HttpServletRequest request) {
        return events.subscribe(request.getRemoteAddr());
    }
}
