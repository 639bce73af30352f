package fr.thdtracker.info;

import java.util.List;

/** Who is signed in, with their roles without Spring's ROLE_ prefix, sorted. */
record CurrentUser(String username, List<String> roles) {
}
