package com.mizani.app.replay;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Rebuilding read models from the event store, for operators (the command-line client calls these too). */
@RestController
@RequestMapping("/api/v1/admin/projections")
public class ReplayController {

    private final ProjectionReplays replays;

    public ReplayController(ProjectionReplays replays) {
        this.replays = replays;
    }

    public record Projections(List<String> projections) {
    }

    @GetMapping
    public Projections projections() {
        return new Projections(replays.projections());
    }

    /** Starts the rebuild and answers at once; its progress is at the Location. */
    @PostMapping("/{name}/replay")
    public ResponseEntity<ReplayProgress> replay(@PathVariable String name) {
        ReplayProgress progress = replays.start(name);
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/projections/" + name + "/replay"))
                .body(progress);
    }

    @GetMapping("/{name}/replay")
    public ReplayProgress progress(@PathVariable String name) {
        return replays.progress(name);
    }
}
