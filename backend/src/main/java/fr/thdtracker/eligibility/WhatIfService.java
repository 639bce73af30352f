package fr.thdtracker.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import fr.thdtracker.common.NotFoundException;

/** Engineers' what-ifs: the classes of the premises behind an upgrade, without and with it. */
@Service
class WhatIfService {

    /** The cabinet a what-if places at a sub-distributor: fibre backhaul, VDSL2 allowed. */
    private static final SpeedModel.Equipment FIBRE_FED_CABINET = new SpeedModel.Equipment(true, false);
    private static final String FIBRE_FED_CABINET_LABEL = "NRA-MED alimenté en fibre, VDSL2";

    private final EligibilityRepository repository;
    private final EligibilityRecompute recompute;
    private final SpeedModel model;

    WhatIfService(EligibilityRepository repository, EligibilityRecompute recompute) {
        this.repository = repository;
        this.recompute = recompute;
        this.model = recompute.model();
    }

    private int ftthClass() {
        return model.ftth().speedClass().ordinal();
    }

    /** A planned (or built) operation: its lines' classes (per building, weighed by its lines) on the date without and with it (its cabinet, or its fibre). */
    WhatIf operation(String code, LocalDate asOf) {
        LocalDate d = AsOf.orToday(asOf);
        UpgradeOperation op = repository.operation(code)
                .orElseThrow(() -> new NotFoundException("Opération de montée en débit inconnue : " + code));
        List<EligibilityRepository.ClassChange> effect = repository.operationEffect(op, d, ftthClass());
        Map<SpeedClass, Long> before = SpeedClass.zeroCounts();
        Map<SpeedClass, Long> after = SpeedClass.zeroCounts();
        long raised = 0;
        long lines = 0;
        for (EligibilityRepository.ClassChange e : effect) {
            before.merge(e.before(), e.lines(), Long::sum);
            after.merge(e.after(), e.lines(), Long::sum);
            raised += e.after().compareTo(e.before()) > 0 ? e.lines() : 0;
            lines += e.lines();
        }
        return WhatIf.ofOperation(op, d, lines, raised, before, after);
    }

    /** A fibre-fed cabinet placed at a sub-distributor: lines measured from it as the recompute would. */
    WhatIf cabinet(String srCode, LocalDate asOf) {
        LocalDate d = AsOf.orToday(asOf);
        EligibilityRepository.SubDistributorPoint sr = repository.subDistributor(srCode)
                .orElseThrow(() -> new NotFoundException("Sous-répartiteur inconnu : " + srCode));
        List<EligibilityRepository.SrPremise> premises = repository.premisesOfSubDistributor(sr.id(), d, ftthClass());
        double[] lats = premises.stream().mapToDouble(EligibilityRepository.SrPremise::lat).toArray();
        double[] lons = premises.stream().mapToDouble(EligibilityRepository.SrPremise::lon).toArray();
        boolean[] routed = new boolean[lats.length];
        float[] lengths = recompute.lengthsFrom(sr.lat(), sr.lon(), lats, lons, routed);
        Map<SpeedClass, Long> before = SpeedClass.zeroCounts();
        Map<SpeedClass, Long> after = SpeedClass.zeroCounts();
        long raised = 0;
        long lines = 0;
        for (int i = 0; i < premises.size(); i++) {
            EligibilityRepository.SrPremise p = premises.get(i);
            SpeedClass withCabinet = p.fibre() ? p.before()
                    : model.copper(model.attenuationDb(lengths[i]), FIBRE_FED_CABINET).speedClass();
            SpeedClass best = withCabinet.compareTo(p.before()) > 0 ? withCabinet : p.before();
            before.merge(p.before(), p.lines(), Long::sum);
            after.merge(best, p.lines(), Long::sum);
            raised += best.compareTo(p.before()) > 0 ? p.lines() : 0;
            lines += p.lines();
        }
        return WhatIf.ofCabinet(srCode, FIBRE_FED_CABINET_LABEL, d, lines, raised, before, after);
    }
}
