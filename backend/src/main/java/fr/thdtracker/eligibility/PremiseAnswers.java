package fr.thdtracker.eligibility;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

import org.springframework.stereotype.Service;

import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.DatasetInfo;
import fr.thdtracker.common.NotFoundException;

/** What one premise can get on a date, found by id or by the nearest point. */
@Service
class PremiseAnswers {

    private static final double LOOKUP_RADIUS_M = 150;
    /** Operators announce a PM area's opening at least this long before selling lines in it. */
    private static final int NOTICE_DAYS = 90;

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

    PremiseEligibility premise(long id, LocalDate asOf) {
        LocalDate d = AsOf.orToday(asOf);
        PremiseRow row = repository.premise(id, d).orElseThrow(() -> new NotFoundException("Local inconnu : " + id));
        if (!row.computed()) {
            throw new NotFoundException("L'éligibilité du local " + id + " n'est pas encore calculée");
        }
        boolean fibre = row.openToFibre(d);
        PremiseEligibility.Offer copper = copper(row.copperOn(d));
        PremiseEligibility.Offer best = fibre ? ftth(row.pmCode()) : copper.withoutLine();
        PremiseEligibility.FibreForecast forecast = null;
        if (!fibre) {
            LocalDate date = fibreForecast(row, d);
            forecast = new PremiseEligibility.FibreForecast(date, date == null ? null : quarter(date));
        }
        PremiseEligibility.Programme programme = new PremiseEligibility.Programme(row.phase(), row.phaseName(),
                row.tranche(), row.trancheName(), row.phaseTargetEnd(), forecast);
        return new PremiseEligibility(row.id(), row.code(), row.postalAddress(),
                new PremiseEligibility.Commune(row.insee(), row.commune(), repository.perimeter(row.insee(), d)),
                new PremiseEligibility.Location(row.lon(), row.lat()), d, datasetInfo.refreshDate().orElse(null),
                row.stateOnDate(), best, copper, fibre, programme);
    }

    PremiseEligibility nearest(double lon, double lat, LocalDate asOf) {
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new BadRequestException("lon/lat hors limites : " + lon + ", " + lat);
        }
        long id = search.nearestPremise(lon, lat, LOOKUP_RADIUS_M).orElseThrow(() -> new NotFoundException(
                "Aucun local à moins de " + (int) LOOKUP_RADIUS_M + " m de ce point"));
        return premise(id, asOf);
    }

    private PremiseEligibility.Offer ftth(String pmCode) {
        SpeedModel.Offer ftth = model.ftth();
        return new PremiseEligibility.Offer(Technology.FTTH.name(), (float) ftth.minMbps(), (float) ftth.maxMbps(),
                ftth.speedClass().name(), ftth.speedClass().label(),
                new PremiseEligibility.ServedBy("PM", pmCode, null), null);
    }

    private static PremiseEligibility.Offer copper(PremiseRow.CopperLine line) {
        SpeedClass cls = line.speedClass();
        return new PremiseEligibility.Offer(line.technology(), line.minMbps(), line.maxMbps(), cls.name(), cls.label(),
                new PremiseEligibility.ServedBy(line.type(), line.code(), line.name()),
                new PremiseEligibility.Line(Math.round((double) line.lengthM()),
                        line.routed() ? "ROAD_NETWORK" : "STRAIGHT_LINE_WITH_DETOUR", line.attenuationDb()));
    }

    /** When fibre is expected: its announced opening, else its PM area's date plus the notice period. */
    private static LocalDate fibreForecast(PremiseRow row, LocalDate d) {
        LocalDate opening = row.commercialOpeningDate();
        if (opening != null && opening.isAfter(d)) {
            return opening;
        }
        LocalDate available = row.pmMadeAvailableDate();
        LocalDate pm = available != null && available.isAfter(d) ? available : row.pmPlannedDate();
        if (pm == null) {
            return null;
        }
        LocalDate forecast = pm.plusDays(NOTICE_DAYS);
        return forecast.isAfter(d) ? forecast : null;
    }

    static String quarter(LocalDate date) {
        return "T" + date.get(IsoFields.QUARTER_OF_YEAR) + " " + date.getYear();
    }
}
