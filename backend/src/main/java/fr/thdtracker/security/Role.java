package fr.thdtracker.security;

/** Roles above anonymous: ADMIN includes ENGINEER and OPERATOR, which both include VIEWER. */
public enum Role {
    VIEWER, ENGINEER, OPERATOR, ADMIN
}
