package fr.thdtracker.premises;

/**
 * IPE EtatImmeuble (= GraceTHD l_adresse_etat = Arcep imb_etat), in the order a premise goes
 * through them. Codes are the two-letter GraceTHD ones.
 */
public enum PremiseState {
    CIBLE("CI"), SIGNE("SI"), EN_COURS("EC"), DEPLOYE("DE"), RACCORDABLE_DEMANDE("RD"), ABANDONNE("AB");

    private final String graceThdCode;

    PremiseState(String graceThdCode) {
        this.graceThdCode = graceThdCode;
    }

    public String graceThdCode() {
        return graceThdCode;
    }

    /** Connectable (raccordable): the network reaches the premise, now or on demand. */
    public boolean isConnectable() {
        return this == DEPLOYE || this == RACCORDABLE_DEMANDE;
    }
}
