package fr.thdtracker.eligibility;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

import org.springframework.stereotype.Service;

import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.DatasetInfo;
import fr.thdtracker.common.NotFoundException;

/** What one building's lines can get on a date, found by id or by the nearest point. */
@Service
class PremiseAnswers {

    private static final double LOOKUP_RADIUS_M = 150;
    /** Operators announce a PM area's opening at least this long before selling lines in it. */
    private static final int NOTICE_DAYS = 90;
    /** The IPE state of a line given up: no fibre is forecast for it, late or not. */
    private static final String ABANDONED = "ABANDONNE";

    private final EligibilityRepository repository;
    private final PremiseSearchRepository search;
    private final DatasetInfo datasetInfo;
    private final SpeedModel model;

    PremiseAnswers(EligibilityRepository repository, PremiseSearchRepository search, EligibilityRecompute recompute,
                   DatasetInfo datasetInfo) {
        this.repository = repository;
        this.search = search;
        this.datasetInfo = datasetInfo;
        this.model = recompute.model();
    }

    PremiseEligibility building(long id, LocalDate asOf) {
        LocalDate d = AsOf.orToday(asOf);
        PremiseRow row = repository.building(id, d).orElseThrow(() -> new NotFoundException("Immeuble inconnu : " + id));
        if (!row.computed()) {
            throw new NotFoundException("L'éligibilité de l'immeuble " + id + " n'est pas encore calculée");
        }
        boolean fibre = row.openToFibre(d);
        PremiseEligibility.Offer copper = copper(row.copperOn(d));
        PremiseEligibility.Offer best = fibre ? ftth(row) : copper.withoutLine();
        PremiseEligibility.FibreForecast forecast = fibre ? null : fibreForecast(row, d);
        PremiseEligibility.Programme programme = new PremiseEligibility.Programme(row.phase(), row.phaseName(),
                row.tranche(), row.trancheName(), row.phaseTargetEnd(), forecast);
        return new PremiseEligibility(row.id(), row.code(), row.postalAddress(), row.building(),
                new PremiseEligibility.Commune(row.insee(), row.commune(), row.perimeter()),
                new PremiseEligibility.Location(row.lon(), row.lat()), d, datasetInfo.refreshDate().orElse(null),
                row.stateOnDate(), best, copper, fibre, programme);
    }

    PremiseEligibility nearest(double lon, double lat, LocalDate asOf) {
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new BadRequestException("lon/lat hors limites : " + lon + ", " + lat);
        }
        long id = search.nearestBuilding(lon, lat, LOOKUP_RADIUS_M).orElseThrow(() -> new NotFoundException(
                "Aucun immeuble ni pavillon à moins de " + (int) LOOKUP_RADIUS_M + " m de ce point"));
        return building(id, asOf);
    }

    /** FTTH from its PM; in a private town (no PM area of ours) from the private operator's network. */
    private PremiseEligibility.Offer ftth(PremiseRow row) {
        SpeedModel.Offer ftth = model.ftth();
        // outside the public programme (a private intention may name no operator) it is never "our" PM
        PremiseEligibility.ServedBy servedBy = row.pmCode() == null && !row.perimeter().publicProgramme()
                ? new PremiseEligibility.ServedBy("PRIVATE_NETWORK", row.perimeter().operatorCode(),
                row.perimeter().operatorName())
                : new PremiseEligibility.ServedBy("PM", row.pmCode(), null);
        return new PremiseEligibility.Offer(Technology.FTTH.name(), (float) ftth.minMbps(), (float) ftth.maxMbps(),
                ftth.speedClass().name(), ftth.speedClass().label(), servedBy, null);
    }

    private static PremiseEligibility.Offer copper(PremiseRow.CopperLine line) {
        SpeedClass cls = line.speedClass();
        return new PremiseEligibility.Offer(line.technology(), line.minMbps(), line.maxMbps(), cls.name(), cls.label(),
                new PremiseEligibility.ServedBy(line.type(), line.code(), line.name()),
                new PremiseEligibility.Line(Math.round((double) line.lengthM()),
                        line.routed() ? "ROAD_NETWORK" : "STRAIGHT_LINE_WITH_DETOUR", line.attenuationDb()));
    }

    /**
     * When fibre is expected: its announced opening, else its PM area's delivery, else its PM area's
     * planned date (each + the notice period), the first still ahead. When they have all passed
     * without fibre, the planned date is still the answer, said late: a resident whose area is
     * overdue learns that it is, and which quarter was promised, rather than nothing.
     */
    private static PremiseEligibility.FibreForecast fibreForecast(PremiseRow row, LocalDate d) {
        LocalDate opening = row.commercialOpeningDate();
        if (opening != null && opening.isAfter(d)) {
            return forecast(opening, false);
        }
        LocalDate delivered = row.pmMadeAvailableDate() == null ? null : row.pmMadeAvailableDate().plusDays(NOTICE_DAYS);
        if (delivered != null && delivered.isAfter(d)) {
            return forecast(delivered, false);
        }
        LocalDate planned = row.pmPlannedDate() == null ? null : row.pmPlannedDate().plusDays(NOTICE_DAYS);
        if (planned != null && planned.isAfter(d)) {
            return forecast(planned, false);
        }
        LocalDate promised = planned != null ? planned : delivered;
        if (promised == null || ABANDONED.equals(row.stateOnDate())) {
            return PremiseEligibility.FibreForecast.NONE;
        }
        return forecast(promised, true);
    }

    private static PremiseEligibility.FibreForecast forecast(LocalDate date, boolean late) {
        return new PremiseEligibility.FibreForecast(date, quarter(date), late);
    }

    static String quarter(LocalDate date) {
        return "T" + date.get(IsoFields.QUARTER_OF_YEAR) + " " + date.getYear();
    }
}
