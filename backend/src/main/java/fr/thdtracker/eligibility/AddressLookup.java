package fr.thdtracker.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.NotFoundException;

/** Typed addresses: the building they name (with the streets that matched), and suggestions while typing. */
@Service
class AddressLookup {

    private static final double MIN_STREET_SCORE = 0.2;
    private static final double MIN_STREET_IN_COMMUNE_SCORE = 0.4;

    /** A commune found in the query: its normalised name as typed, INSEE code and name. */
    private record NamedCommune(String key, String insee, String name) {
    }

    private final PremiseSearchRepository search;
    private final PremiseAnswers premises;
    private volatile Map<String, String[]> communes;

    AddressLookup(PremiseSearchRepository search, PremiseAnswers premises) {
        this.search = search;
        this.premises = premises;
    }

    LookupAnswer lookup(String q, LocalDate asOf) {
        if (q == null || q.isBlank() || q.length() > 200) {
            throw new BadRequestException("q : une adresse de 1 à 200 caractères, par exemple « 12 rue de la Mairie, Dinan »");
        }
        AddressNormalizer.Query query = AddressNormalizer.parse(q);
        // a commune named in the query restricts the search to it: a resident of Dinan typing
        // "rue de la Mairie, Dinan" must not get the rue de la Mairie of another town
        NamedCommune commune = communeNamedIn(query.text());
        List<LookupAnswer.Candidate> candidates = List.of();
        if (commune != null) {
            String street = (" " + query.text() + " ").replace(" " + commune.key() + " ", " ").strip();
            candidates = candidates(query, search.streetsInCommune(street, commune.insee(), 5),
                    MIN_STREET_IN_COMMUNE_SCORE);
            boolean endsWithCommune = (" " + query.text()).endsWith(" " + commune.key());
            if (candidates.isEmpty() && endsWithCommune) {
                throw new NotFoundException("Aucune voie ne correspond à « " + street + " » à " + commune.name()
                        + " (" + commune.insee() + ")");
            }
        }
        if (candidates.isEmpty()) {
            // no commune named, or the name belongs to the street ("route de Rennes")
            candidates = candidates(query, search.streets(query.text(), 5), MIN_STREET_SCORE);
        }
        if (candidates.isEmpty()) {
            throw new NotFoundException("Aucune adresse ne correspond à « " + q + " »");
        }
        return new LookupAnswer(premises.building(candidates.get(0).buildingId(), asOf), candidates);
    }

    List<AddressSuggestion> suggest(String q) {
        if (q == null || q.strip().length() < 3 || q.length() > 200) {
            throw new BadRequestException("q : au moins 3 caractères (200 au plus)");
        }
        AddressNormalizer.Query query = AddressNormalizer.parse(q);
        String number = query.number() == null ? ""
                : query.number() + (query.suffix() == null ? "" : " " + query.suffix()) + " ";
        List<AddressSuggestion> suggestions = new ArrayList<>();
        for (PremiseSearchRepository.StreetMatch s : search.streets(query.text(), 8)) {
            if (s.score() >= MIN_STREET_SCORE) {
                suggestions.add(new AddressSuggestion(number + s.streetName() + ", " + s.commune(), s.streetName(),
                        s.commune(), s.insee()));
            }
        }
        return suggestions;
    }

    private List<LookupAnswer.Candidate> candidates(AddressNormalizer.Query query,
                                                    List<PremiseSearchRepository.StreetMatch> streets, double minScore) {
        List<LookupAnswer.Candidate> candidates = new ArrayList<>();
        for (PremiseSearchRepository.StreetMatch s : streets) {
            if (s.score() < minScore) {
                continue;
            }
            search.buildingOnStreet(s.insee(), s.streetName(), query.number(), query.suffix())
                    .ifPresent(id -> candidates.add(new LookupAnswer.Candidate(id, s.streetName(), s.commune(),
                            s.insee(), Math.round(s.score() * 100) / 100.0)));
        }
        return candidates;
    }

    /** The longest commune name appearing as whole words in the normalised query. */
    private NamedCommune communeNamedIn(String text) {
        Map<String, String[]> byName = communes;
        if (byName == null) {
            byName = search.communesByName();
            communes = byName;
        }
        String padded = " " + text + " ";
        String found = null;
        for (String name : byName.keySet()) {
            if ((found == null || name.length() > found.length()) && padded.contains(" " + name + " ")) {
                found = name;
            }
        }
        return found == null ? null : new NamedCommune(found, byName.get(found)[0], byName.get(found)[1]);
    }
}
