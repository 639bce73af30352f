package fr.thdtracker.perimeter;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.thdtracker.common.DateParam;

/**
 * Public (Arcep data is open data): the perimeter and the observatory's figures per commune, EPCI
 * and department on a date. ADMIN (under /api/admin): a commune's full history and its dated change.
 */
@RestController
class PerimeterController {

    private final PerimeterService service;

    PerimeterController(PerimeterService service) {
        this.service = service;
    }

    @GetMapping("/api/perimeter/communes/{insee}")
    CommuneFigures commune(@PathVariable String insee, @RequestParam(required = false) String asOf) {
        LocalDate d = DateParam.orToday("asOf", asOf);
        return service.commune(Codes.insee(insee), d);
    }

    @GetMapping("/api/perimeter/epci/{siren}")
    GroupFigures epci(@PathVariable String siren, @RequestParam(required = false) String asOf) {
        LocalDate d = DateParam.orToday("asOf", asOf);
        return service.group(ObservatoryRepository.Group.EPCI, Codes.siren(siren), d);
    }

    @GetMapping("/api/perimeter/departments/{code}")
    GroupFigures department(@PathVariable String code, @RequestParam(required = false) String asOf) {
        LocalDate d = DateParam.orToday("asOf", asOf);
        return service.group(ObservatoryRepository.Group.DEPARTMENT, Codes.department(code), d);
    }

    @GetMapping("/api/admin/perimeter/communes/{insee}")
    PerimeterHistory history(@PathVariable String insee) {
        return service.history(Codes.insee(insee));
    }

    @PostMapping("/api/admin/perimeter/communes/{insee}")
    ResponseEntity<PerimeterHistory> change(@PathVariable String insee, @RequestBody(required = false) PerimeterEdit edit) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.change(Codes.insee(insee), edit));
    }
}
