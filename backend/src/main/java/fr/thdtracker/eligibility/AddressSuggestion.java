package fr.thdtracker.eligibility;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A suggestion of the search box: a street (its label repeats the typed number), or once a street
 * is chosen one of its numbers, with the building at that address ({@code buildingId}).
 *
 * @param number    null for a street
 * @param suffix    bis, ter, quater; null when none or for a street
 * @param buildingId null for a street
 */
record AddressSuggestion(String label, String street, String commune, String insee,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer number,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String suffix,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Long buildingId) {

    static AddressSuggestion street(String label, String street, String commune, String insee) {
        return new AddressSuggestion(label, street, commune, insee, null, null, null);
    }

    static AddressSuggestion number(String label, String street, String commune, String insee, int number,
                                    String suffix, long buildingId) {
        return new AddressSuggestion(label, street, commune, insee, number, suffix, buildingId);
    }
}
