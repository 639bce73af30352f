package fr.thdtracker.phases;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PhaseController {

    private final PhaseRepository phases;

    PhaseController(PhaseRepository phases) {
        this.phases = phases;
    }

    /** Each phase with its tranches and line counts per IPE state (current state). */
    @GetMapping("/api/phases")
    List<PhaseSummary> phases() {
        return phases.summaries();
    }
}
