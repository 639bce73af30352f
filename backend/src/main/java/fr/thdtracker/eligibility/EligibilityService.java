package fr.thdtracker.eligibility;

import fr.thdtracker.common.AreaLevel;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.DatasetInfo;
import fr.thdtracker.common.NotFoundException;

/** Answers about eligibility: one premise, areas, what-if, address search; all "as of" a date. */
@Service
class EligibilityService {

    private static final double LOOKUP_RADIUS_M = 150;
    private static final double MIN_STREET_SCORE = 0.2;
    private static final double MIN_STREET_IN_COMMUNE_SCORE = 0.4;
    private static final int NOTICE_DAYS = 90;

    private final EligibilityRepository repository;
    private final EligibilityRecompute recompute;
    private final DatasetInfo datasetInfo;
    private final SpeedModel model;

    EligibilityService(EligibilityRepository repository, EligibilityRecompute recompute, DatasetInfo datasetInfo) {
        this.repository = repository;
        this.datasetInfo = datasetInfo;
        this.recompute = recompute;
        this.model = recompute.model();
    }

    int ftthClass() {
        return model.ftth().speedClass().ordinal();
    }

    LocalDate dateOrToday(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now();
    }

    Map<String, Object> premise(long id, LocalDate asOf) {
        LocalDate d = dateOrToday(asOf);
        Map<String, Object> row = repository.premise(id, d)
                .orElseThrow(() -> new NotFoundException("Local inconnu : " + id));
        if (row.get("exchange_technology") == null) {
            throw new NotFoundException("L'éligibilité du local " + id + " n'est pas encore calculée");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("premiseId", row.get("id"));
        answer.put("code", row.get("code"));
        answer.put("address", address(row));
        answer.put("commune", Map.of("insee", row.get("insee"), "name", row.get("commune")));
        answer.put("location", Map.of("lon", row.get("lon"), "lat", row.get("lat")));
        answer.put("asOf", d);
        answer.put("dataRefreshDate", datasetInfo.refreshDate().orElse(null));
        answer.put("state", row.get("state_on_date"));

        LocalDate fibreFrom = localDate(row.get("fibre_from"));
        LocalDate fibreUntil = localDate(row.get("fibre_until"));
        boolean fibre = fibreFrom != null && !fibreFrom.isAfter(d) && (fibreUntil == null || fibreUntil.isAfter(d));
        LocalDate commissioned = localDate(row.get("commissioned_on"));
        boolean cabinetInService = row.get("cabinet_class") != null && commissioned != null && !commissioned.isAfter(d);
        Map<String, Object> copper = cabinetInService ? copper(row, "cabinet", row.get("cabinet_code"),
                row.get("cabinet_name"), row.get("cabinet_type")) : copper(row, "exchange", row.get("exchange_code"),
                row.get("exchange_name"), row.get("exchange_type"));
        SpeedModel.Offer ftth = model.ftth();
        Map<String, Object> best = new LinkedHashMap<>();
        if (fibre) {
            best.put("technology", Technology.FTTH.name());
            best.put("minMbps", ftth.minMbps());
            best.put("maxMbps", ftth.maxMbps());
            best.put("speedClass", ftth.speedClass().name());
            best.put("speedClassLabel", ftth.speedClass().label());
            best.put("servedBy", Map.of("type", "PM", "code", row.get("pm_code")));
        } else {
            best.putAll(copper);
            best.remove("line");
        }
        answer.put("best", best);
        answer.put("copper", copper);
        answer.put("openToFibre", fibre);
        Map<String, Object> programme = new LinkedHashMap<>();
        programme.put("phase", row.get("phase"));
        programme.put("phaseName", row.get("phase_name"));
        programme.put("tranche", row.get("tranche"));
        programme.put("trancheName", row.get("tranche_name"));
        programme.put("phaseTargetEnd", row.get("target_end_date"));
        if (!fibre) {
            LocalDate forecast = fibreForecast(row, d);
            programme.put("fibreForecastDate", forecast);
            programme.put("fibreForecastQuarter", forecast == null ? null : quarter(forecast));
        }
        answer.put("programme", programme);
        return answer;
    }

    private Map<String, Object> copper(Map<String, Object> row, String prefix, Object code, Object name, Object type) {
        SpeedClass cls = SpeedClass.values()[((Number) row.get(prefix + "_class")).intValue()];
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("technology", row.get(prefix + "_technology"));
        c.put("minMbps", row.get(prefix + "_min_mbps"));
        c.put("maxMbps", row.get(prefix + "_max_mbps"));
        c.put("speedClass", cls.name());
        c.put("speedClassLabel", cls.label());
        c.put("servedBy", Map.of("type", type, "code", code, "name", name));
        c.put("line", Map.of(
                "lengthM", Math.round(((Number) row.get(prefix + "_length_m")).doubleValue()),
                "measuredAlong", Boolean.TRUE.equals(row.get(prefix + "_routed")) ? "ROAD_NETWORK" : "STRAIGHT_LINE_WITH_DETOUR",
                "attenuationDb", row.get(prefix + "_attenuation_db")));
        return c;
    }

    /** When fibre is expected: its announced opening, else its PM area's date plus the notice period. */
    private static LocalDate fibreForecast(Map<String, Object> row, LocalDate d) {
        LocalDate opening = localDate(row.get("commercial_opening_date"));
        if (opening != null && opening.isAfter(d)) {
            return opening;
        }
        LocalDate available = localDate(row.get("made_available_date"));
        LocalDate planned = localDate(row.get("planned_date"));
        LocalDate pm = available != null && available.isAfter(d) ? available : planned;
        if (pm == null) {
            return null;
        }
        LocalDate forecast = pm.plusDays(NOTICE_DAYS);
        return forecast.isAfter(d) ? forecast : null;
    }

    static String quarter(LocalDate date) {
        return "T" + date.get(IsoFields.QUARTER_OF_YEAR) + " " + date.getYear();
    }

    private static String address(Map<String, Object> row) {
        StringBuilder sb = new StringBuilder();
        if (row.get("street_number") != null) {
            sb.append(row.get("street_number"));
            if (row.get("street_suffix") != null) {
                sb.append(' ').append(row.get("street_suffix"));
            }
            sb.append(' ');
        }
        sb.append(row.get("street_name"));
        if (row.get("complement") != null) {
            sb.append(", ").append(row.get("complement"));
        }
        return sb.append(", ").append(row.get("commune")).toString();
    }

    private static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    Map<String, Object> lookupText(String q, LocalDate asOf) {
        if (q == null || q.isBlank() || q.length() > 200) {
            throw new BadRequestException("q : une adresse de 1 à 200 caractères, par exemple « 12 rue de la Mairie, Dinan »");
        }
        AddressNormalizer.Query query = AddressNormalizer.parse(q);
        // a commune named in the query restricts the search to it: a resident of Dinan typing
        // "rue de la Mairie, Dinan" must not get the rue de la Mairie of another town
        String[] commune = communeNamedIn(query.text());
        List<Map<String, Object>> candidates = List.of();
        if (commune != null) {
            String street = (" " + query.text() + " ").replace(" " + commune[0] + " ", " ").strip();
            candidates = candidates(query, repository.streetsInCommune(street, commune[1], 5), MIN_STREET_IN_COMMUNE_SCORE);
            boolean endsWithCommune = (" " + query.text()).endsWith(" " + commune[0]);
            if (candidates.isEmpty() && endsWithCommune) {
                throw new NotFoundException("Aucune voie ne correspond à « " + street + " » à " + commune[2]
                        + " (" + commune[1] + ")");
            }
        }
        if (candidates.isEmpty()) {
            // no commune named, or the name belongs to the street ("route de Rennes")
            candidates = candidates(query, repository.streets(query.text(), 5), MIN_STREET_SCORE);
        }
        Long best = candidates.isEmpty() ? null : (Long) candidates.get(0).get("premiseId");
        if (best == null) {
            throw new NotFoundException("Aucune adresse ne correspond à « " + q + " »");
        }
        Map<String, Object> answer = new LinkedHashMap<>(premise(best, asOf));
        answer.put("candidates", candidates);
        return answer;
    }

    private List<Map<String, Object>> candidates(AddressNormalizer.Query query,
                                                 List<EligibilityRepository.StreetMatch> streets, double minScore) {
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (EligibilityRepository.StreetMatch s : streets) {
            if (s.score() < minScore) {
                continue;
            }
            repository.premiseOnStreet(s.insee(), s.streetName(), query.number(), query.suffix())
                    .ifPresent(id -> candidates.add(Map.of("premiseId", id, "street", s.streetName(),
                            "commune", s.commune(), "insee", s.insee(), "score", Math.round(s.score() * 100) / 100.0)));
        }
        return candidates;
    }

    private volatile Map<String, String[]> communes;

    /** The longest commune name appearing as whole words in the normalised query: {key, insee, name}. */
    private String[] communeNamedIn(String text) {
        Map<String, String[]> byName = communes;
        if (byName == null) {
            byName = repository.communesByName();
            communes = byName;
        }
        String padded = " " + text + " ";
        String found = null;
        for (String name : byName.keySet()) {
            if ((found == null || name.length() > found.length()) && padded.contains(" " + name + " ")) {
                found = name;
            }
        }
        return found == null ? null : new String[]{found, byName.get(found)[0], byName.get(found)[1]};
    }

    List<Map<String, Object>> suggest(String q) {
        if (q == null || q.strip().length() < 3 || q.length() > 200) {
            throw new BadRequestException("q : au moins 3 caractères (200 au plus)");
        }
        AddressNormalizer.Query query = AddressNormalizer.parse(q);
        List<Map<String, Object>> suggestions = new ArrayList<>();
        for (EligibilityRepository.StreetMatch s : repository.streets(query.text(), 8)) {
            if (s.score() >= MIN_STREET_SCORE) {
                String label = (query.number() == null ? "" : query.number() + (query.suffix() == null ? "" : " " + query.suffix()) + " ")
                        + s.streetName() + ", " + s.commune();
                suggestions.add(Map.of("label", label, "street", s.streetName(), "commune", s.commune(), "insee", s.insee()));
            }
        }
        return suggestions;
    }

    Map<String, Object> lookupPoint(double lon, double lat, LocalDate asOf) {
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new BadRequestException("lon/lat hors limites : " + lon + ", " + lat);
        }
        long id = repository.nearestPremise(lon, lat, LOOKUP_RADIUS_M).orElseThrow(() -> new NotFoundException(
                "Aucun local à moins de " + (int) LOOKUP_RADIUS_M + " m de ce point"));
        return premise(id, asOf);
    }

    Map<String, Object> areas(AreaLevel level, LocalDate asOf) {
        LocalDate d = dateOrToday(asOf);
        List<EligibilityRepository.Count> counts = repository.counts(level, d, ftthClass());
        Map<String, String> names = repository.names(level);
        Map<String, AreaFigures> byCode = new LinkedHashMap<>();
        for (EligibilityRepository.Count c : counts) {
            byCode.computeIfAbsent(c.code(), AreaFigures::new).add(c);
        }
        List<Map<String, Object>> areas = byCode.values().stream()
                .sorted(java.util.Comparator.comparing(a -> a.code))
                .map(a -> a.toJson(names.get(a.code))).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("level", level.param);
        answer.put("asOf", d);
        answer.put("dataRefreshDate", datasetInfo.refreshDate().orElse(null));
        answer.put("thresholdsMbps", List.of(3, 8, 30, 100, 1000));
        answer.put("areas", areas);
        return answer;
    }

    /** Figures of one area: counts per class, cumulative thresholds, best technology, fibre share. */
    private static final class AreaFigures {
        final String code;
        final Map<String, Long> byClass = EligibilityRepository.emptyCounts();
        long total;
        long fibre;
        long copper30;
        long copper8;

        AreaFigures(String code) {
            this.code = code;
        }

        void add(EligibilityRepository.Count c) {
            byClass.merge(c.speedClass().name(), c.n(), Long::sum);
            total += c.n();
            if (c.fibre()) {
                fibre += c.n();
            } else if (c.speedClass().compareTo(SpeedClass.FROM_30) >= 0) {
                copper30 += c.n();
            } else if (c.speedClass().compareTo(SpeedClass.FROM_8) >= 0) {
                copper8 += c.n();
            }
        }

        Map<String, Object> toJson(String name) {
            Map<String, Long> atLeast = new LinkedHashMap<>();
            for (SpeedClass threshold : List.of(SpeedClass.FROM_3, SpeedClass.FROM_8, SpeedClass.FROM_30,
                    SpeedClass.FROM_100, SpeedClass.FROM_1000)) {
                long n = 0;
                for (SpeedClass c : SpeedClass.values()) {
                    if (c.compareTo(threshold) >= 0) {
                        n += byClass.get(c.name());
                    }
                }
                atLeast.put("atLeast" + (int) threshold.threshold(), n);
            }
            atLeast.put("ineligible", byClass.get(SpeedClass.INELIGIBLE.name()));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("code", code);
            json.put("name", name);
            json.put("premises", total);
            json.put("cumulative", atLeast);
            json.put("byClass", byClass);
            json.put("bestTechnology", Map.of("ftth", fibre, "copperAtLeast30", copper30, "copper8To30", copper8,
                    "other", total - fibre - copper30 - copper8));
            json.put("fibreOpenShare", total == 0 ? 0 : Math.round(10000.0 * fibre / total) / 10000.0);
            return json;
        }
    }

    Map<String, Object> whatIfOperation(String code, LocalDate asOf) {
        LocalDate d = dateOrToday(asOf);
        Map<String, Object> op = repository.operation(code)
                .orElseThrow(() -> new NotFoundException("Opération de montée en débit inconnue : " + code));
        List<SpeedClass[]> effect = repository.operationEffect(((Number) op.get("id")).intValue(), d, ftthClass());
        Map<String, Long> before = EligibilityRepository.emptyCounts();
        Map<String, Long> after = EligibilityRepository.emptyCounts();
        long raised = 0;
        for (SpeedClass[] e : effect) {
            before.merge(e[0].name(), 1L, Long::sum);
            after.merge(e[1].name(), 1L, Long::sum);
            raised += e[1].compareTo(e[0]) > 0 ? 1 : 0;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("operation", op);
        answer.put("asOf", d);
        answer.put("premises", effect.size());
        answer.put("raised", raised);
        answer.put("before", before);
        answer.put("after", after);
        return answer;
    }

    Map<String, Object> whatIfCabinet(String srCode, LocalDate asOf) {
        LocalDate d = dateOrToday(asOf);
        Map<String, Object> sr = repository.subDistributor(srCode)
                .orElseThrow(() -> new NotFoundException("Sous-répartiteur inconnu : " + srCode));
        List<EligibilityRepository.SrPremise> premises = repository.premisesOfSubDistributor(
                ((Number) sr.get("id")).intValue(), d, ftthClass());
        double[] lats = premises.stream().mapToDouble(EligibilityRepository.SrPremise::lat).toArray();
        double[] lons = premises.stream().mapToDouble(EligibilityRepository.SrPremise::lon).toArray();
        boolean[] routed = new boolean[lats.length];
        float[] lengths = recompute.lengthsFrom(((Number) sr.get("lat")).doubleValue(),
                ((Number) sr.get("lon")).doubleValue(), lats, lons, routed);
        Map<String, Long> before = EligibilityRepository.emptyCounts();
        Map<String, Long> after = EligibilityRepository.emptyCounts();
        long raised = 0;
        SpeedModel.Equipment fibreFedCabinet = new SpeedModel.Equipment(true, false);
        for (int i = 0; i < premises.size(); i++) {
            EligibilityRepository.SrPremise p = premises.get(i);
            SpeedClass withCabinet = p.fibre() ? p.before()
                    : model.copper(model.attenuationDb(lengths[i]), fibreFedCabinet).speedClass();
            SpeedClass best = withCabinet.compareTo(p.before()) > 0 ? withCabinet : p.before();
            before.merge(p.before().name(), 1L, Long::sum);
            after.merge(best.name(), 1L, Long::sum);
            raised += best.compareTo(p.before()) > 0 ? 1 : 0;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subDistributor", srCode);
        answer.put("hypotheticalCabinet", "NRA-MED alimenté en fibre, VDSL2");
        answer.put("asOf", d);
        answer.put("premises", premises.size());
        answer.put("raised", raised);
        answer.put("before", before);
        answer.put("after", after);
        return answer;
    }
}
