package fr.thdtracker.demo;

/**
 * The lines the demo gives one commune: its dwellings and its business premises (Arcep's
 * "établissements"), and whether they belong to the public programme (PM area, zone, tranche) or
 * to a private operator's town, where they exist for eligibility only and no programme figure
 * counts them. Read by the street and premise planners.
 */
record CommuneLines(int dwellings, int businesses, boolean inProgramme) {

    static final CommuneLines NONE = new CommuneLines(0, 0, true);

    int total() {
        return dwellings + businesses;
    }
}
