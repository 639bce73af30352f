package fr.thdtracker.demo;

import java.util.List;
import java.util.SplittableRandom;

import fr.thdtracker.territory.CommuneShape;

/**
 * Which demo lines are business premises (établissements, IPE/GraceTHD ad_nblpro) rather than
 * dwellings: the ground floor of blocks in towns (every block in a town over 8,000 inhabitants,
 * one in two in a small town of 2,000–8,000), and a share of houses (shops, workshops, farms:
 * {@link #TOWN_HOUSE_SHARE} in towns, {@link #VILLAGE_HOUSE_SHARE} in villages). About 7 % of the
 * lines in all, the order of the établissements of Arcep's per-commune file. Drawn from their own
 * seed, so the layout and the fates do not depend on it.
 */
final class BusinessPremises {

    static final double TOWN_HOUSE_SHARE = 0.08;
    static final double VILLAGE_HOUSE_SHARE = 0.05;

    private BusinessPremises() {
    }

    static boolean[] mark(PremiseTable p, List<CommuneShape> communes, long seed) {
        boolean[] business = new boolean[p.size];
        for (int i = 0; i < p.size; i++) {
            if (!p.startsBuilding(i)) {
                continue;
            }
            long population = communes.get(p.commune[i]).population();
            SplittableRandom rnd = new SplittableRandom(seed * 0x94D049BB133111EBL + i);
            if (p.immeuble[i]) {
                // unit 1, the ground floor, of a block of at least three flats: dwellings remain
                business[i] = population > 8000 || (population > 2000 && rnd.nextBoolean());
            } else {
                business[i] = rnd.nextDouble() < (population > 2000 ? TOWN_HOUSE_SHARE : VILLAGE_HOUSE_SHARE);
            }
        }
        return business;
    }
}
