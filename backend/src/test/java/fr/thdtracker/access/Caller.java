package fr.thdtracker.access;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import fr.thdtracker.DemoDatabaseTest;
import fr.thdtracker.security.Role;

/**
 * Real HTTP as one caller (anonymous when {@code role} is null), sending the path exactly as written
 * (no re-encoding: {@code %2D} stays {@code %2D}), with the CSRF double-submit token on writes.
 */
record Caller(Role role, int port) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** The cookie repository compares the header with the cookie; any value the two share passes. */
    private static final String CSRF = "matrix-test-token";

    static Caller anonymous(int port) {
        return new Caller(null, port);
    }

    String name() {
        return role == null ? "anonymous" : role.name();
    }

    HttpResponse<String> send(String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Cookie", "XSRF-TOKEN=" + CSRF).header("X-XSRF-TOKEN", CSRF);
        if (role != null) {
            String user = "t-" + role.name().toLowerCase() + ":" + DemoDatabaseTest.PASSWORD;
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " : " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
