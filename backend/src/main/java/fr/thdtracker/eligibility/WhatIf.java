package fr.thdtracker.eligibility;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Before/after of an upgrade: a planned operation, or a hypothetical cabinet at a sub-distributor.
 * One record for both so the endpoint has one concrete answer type; each kind omits the other's
 * fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WhatIf(UpgradeOperation operation, String subDistributor, String hypotheticalCabinet, LocalDate asOf,
              long premises, long raised, Map<SpeedClass, Long> before, Map<SpeedClass, Long> after) {

    static WhatIf ofOperation(UpgradeOperation operation, LocalDate asOf, long premises, long raised,
                              Map<SpeedClass, Long> before, Map<SpeedClass, Long> after) {
        return new WhatIf(operation, null, null, asOf, premises, raised, before, after);
    }

    static WhatIf ofCabinet(String subDistributor, String cabinet, LocalDate asOf, long premises, long raised,
                            Map<SpeedClass, Long> before, Map<SpeedClass, Long> after) {
        return new WhatIf(null, subDistributor, cabinet, asOf, premises, raised, before, after);
    }
}
