package fr.thdtracker.eligibility;

/** Best wired technology of a line. */
public enum Technology {
    FTTH, VDSL2, ADSL2PLUS, NONE
}
