package fr.thdtracker.eligibility;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer to a lookup: the building found (with its lines), and for a typed address the streets that matched
 * (best first), so the page can offer "did you mean"; a lookup by point has no candidates.
 */
record LookupAnswer(@JsonUnwrapped PremiseEligibility premise,
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<Candidate> candidates) {

    /** A street matching the text, with the building chosen on it and its similarity score (2 decimals). */
    record Candidate(long buildingId, String street, String commune, String insee, double score) {
    }
}
