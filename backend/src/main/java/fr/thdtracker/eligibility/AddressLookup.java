package fr.thdtracker.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import fr.thdtracker.common.BadRequestException;
import fr.thdtracker.common.InseeCode;
import fr.thdtracker.common.NotFoundException;

/**
 * Typed addresses: the building they name (with the streets that matched), suggestions while typing,
 * and the numbers of a street once it is chosen. The lookup and the suggestions read a query the
 * same way ({@link #streets}), so what is suggested is what the lookup finds.
 */
@Service
class AddressLookup {

    private static final double MIN_STREET_SCORE = 0.2;
    private static final double MIN_STREET_IN_COMMUNE_SCORE = 0.4;
    /** More numbers than any street has: the cap only bounds the answer. */
    static final int MAX_NUMBERS = 500;

    /** A commune found in the query: its normalised name as typed, INSEE code and name. */
    private record NamedCommune(String key, String insee, String name) {
    }

    /**
     * The streets a query names, best first, and the commune it names when that restricted them.
     *
     * @param commune     the commune the streets were looked for in; null when over the whole territory
     * @param street      the street words (the query without the commune's)
     * @param communeLast the query ends with the commune's name, as addresses are written
     */
    private record Streets(List<PremiseSearchRepository.StreetMatch> matches, NamedCommune commune, String street,
                           boolean communeLast) {
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
        Streets streets = streets(query.text(), 5);
        List<LookupAnswer.Candidate> candidates = new ArrayList<>();
        for (PremiseSearchRepository.StreetMatch s : streets.matches()) {
            search.buildingOnStreet(s.insee(), s.streetName(), query.number(), query.suffix())
                    .ifPresent(id -> candidates.add(new LookupAnswer.Candidate(id, s.streetName(), s.commune(),
                            s.insee(), Math.round(s.score() * 100) / 100.0)));
        }
        if (candidates.isEmpty() && streets.commune() != null) {
            throw new NotFoundException("Aucune voie ne correspond à « " + streets.street() + " » à "
                    + streets.commune().name() + " (" + streets.commune().insee() + ")");
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
        return streets(query.text(), 8).matches().stream()
                .map(s -> AddressSuggestion.street(number + s.streetName() + ", " + s.commune(), s.streetName(),
                        s.commune(), s.insee()))
                .toList();
    }

    /** The numbers of a chosen street, each with the building at that address. */
    List<AddressSuggestion> numbers(String insee, String street) {
        InseeCode.checked("insee", insee);
        if (street == null || street.isBlank() || street.length() > 200) {
            throw new BadRequestException("street : le nom d'une voie, de 1 à 200 caractères, tel que la suggestion l'a donné");
        }
        List<AddressSuggestion> numbers = search.numbersOnStreet(insee, street, MAX_NUMBERS).stream()
                .map(n -> AddressSuggestion.number(n.number() + (n.suffix() == null ? "" : " " + n.suffix()) + " "
                        + street + ", " + n.commune(), street, n.commune(), insee, n.number(), n.suffix(), n.buildingId()))
                .toList();
        if (numbers.isEmpty() && !search.streetExists(insee, street)) {
            throw new NotFoundException("Aucune voie « " + street + " » dans la commune " + insee);
        }
        return numbers;
    }

    /**
     * The one reading of a typed address. A commune named in it (the one ending it, else the longest
     * named) restricts the search to that commune: a resident of Dinan typing "rue de la Mairie,
     * Dinan" must not get the rue de la Mairie of another town. When no street of that commune
     * matches and the name does not end the query, it belonged to the street ("route de Rennes"):
     * then the whole territory is searched.
     */
    private Streets streets(String text, int limit) {
        NamedCommune commune = communeNamedIn(text);
        if (commune != null) {
            String street = (" " + text + " ").replace(" " + commune.key() + " ", " ").strip();
            boolean last = (" " + text).endsWith(" " + commune.key());
            if (!street.isEmpty()) {
                List<PremiseSearchRepository.StreetMatch> inCommune = above(
                        search.streetsInCommune(street, commune.insee(), limit), MIN_STREET_IN_COMMUNE_SCORE);
                if (!inCommune.isEmpty() || last) {
                    return new Streets(inCommune, commune, street, last);
                }
            }
        }
        return new Streets(above(search.streets(text, limit), MIN_STREET_SCORE), null, text, false);
    }

    private static List<PremiseSearchRepository.StreetMatch> above(List<PremiseSearchRepository.StreetMatch> matches,
                                                                    double minScore) {
        return matches.stream().filter(s -> s.score() >= minScore).toList();
    }

    /** The commune name ending the normalised query, else the longest appearing in it as whole words. */
    private NamedCommune communeNamedIn(String text) {
        Map<String, String[]> byName = communes;
        if (byName == null) {
            byName = search.communesByName();
            communes = byName;
        }
        String padded = " " + text + " ";
        String found = null;
        boolean foundLast = false;
        for (String name : byName.keySet()) {
            if (!padded.contains(" " + name + " ")) {
                continue;
            }
            boolean last = padded.endsWith(" " + name + " ");
            if (found == null || (last && !foundLast) || (last == foundLast && name.length() > found.length())) {
                found = name;
                foundLast = last;
            }
        }
        return found == null ? null : new NamedCommune(found, byName.get(found)[0], byName.get(found)[1]);
    }
}
