package fr.thdtracker.security;

/** Body of POST /api/tokens: a name to recognise the token by, e.g. the script using it. */
public record NewApiToken(String name) {
}
