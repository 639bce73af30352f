package fr.thdtracker.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The generated lines as parallel primitive arrays, the lines of one building consecutive (a block's
 * flats numbered from 1 in {@code unit}, a house 0): 1.3 million objects would cost far more
 * memory and time than these columns.
 */
final class PremiseTable {

    int size;
    double[] x;
    double[] y;
    int[] commune;
    int[] street;
    int[] number;
    byte[] suffix;
    boolean[] immeuble;
    short[] dwellings;
    short[] unit;
    final List<String> streetNames = new ArrayList<>();

    PremiseTable(int capacity) {
        x = new double[capacity];
        y = new double[capacity];
        commune = new int[capacity];
        street = new int[capacity];
        number = new int[capacity];
        suffix = new byte[capacity];
        immeuble = new boolean[capacity];
        dwellings = new short[capacity];
        unit = new short[capacity];
    }

    int add(double px, double py, int communeIdx, int streetIdx, int num, int suffixCode, boolean isImmeuble,
            int dwellingsCount, int unitNo) {
        if (size == x.length) {
            grow();
        }
        int i = size++;
        x[i] = px;
        y[i] = py;
        commune[i] = communeIdx;
        street[i] = streetIdx;
        number[i] = num;
        suffix[i] = (byte) suffixCode;
        immeuble[i] = isImmeuble;
        dwellings[i] = (short) dwellingsCount;
        unit[i] = (short) unitNo;
        return i;
    }

    private void grow() {
        int n = Math.max(16, x.length * 3 / 2);
        x = Arrays.copyOf(x, n);
        y = Arrays.copyOf(y, n);
        commune = Arrays.copyOf(commune, n);
        street = Arrays.copyOf(street, n);
        number = Arrays.copyOf(number, n);
        suffix = Arrays.copyOf(suffix, n);
        immeuble = Arrays.copyOf(immeuble, n);
        dwellings = Arrays.copyOf(dwellings, n);
        unit = Arrays.copyOf(unit, n);
    }

    /** Line i opens a building (a house, or the first flat of a block); the next lines of a block follow it. */
    boolean startsBuilding(int i) {
        return unit[i] <= 1;
    }

    /** The first line of line i's building: its fate, PM area and SR are the building's. */
    int firstLineOf(int i) {
        int k = i;
        while (!startsBuilding(k)) {
            k--;
        }
        return k;
    }

    double[] xs() {
        return Arrays.copyOf(x, size);
    }

    double[] ys() {
        return Arrays.copyOf(y, size);
    }
}
