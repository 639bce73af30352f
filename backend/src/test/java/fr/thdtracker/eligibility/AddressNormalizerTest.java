package fr.thdtracker.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressNormalizerTest {

    @Test
    void accentsCaseAndAbbreviationsFold() {
        assertThat(AddressNormalizer.normalize("Rue de l'Église, PLOUGASTEL-Daoulas"))
                .isEqualTo(AddressNormalizer.normalize("r de l eglise plougastel daoulas"))
                .isEqualTo("rue de l eglise plougastel daoulas");
        assertThat(AddressNormalizer.normalize("12 Bd du Gal de Gaulle"))
                .isEqualTo("12 boulevard du general de gaulle");
        assertThat(AddressNormalizer.normalize("Av. Jean Jaurès")).isEqualTo("avenue jean jaures");
    }

    @Test
    void aLeadingNumberAndSuffixAreParsed() {
        AddressNormalizer.Query q = AddressNormalizer.parse("12 bis, bd de la Liberté Dinan");
        assertThat(q.number()).isEqualTo(12);
        assertThat(q.suffix()).isEqualTo("bis");
        assertThat(q.text()).isEqualTo("boulevard de la liberte dinan");
        assertThat(AddressNormalizer.parse("Place du Marché").number()).isNull();
    }
}
