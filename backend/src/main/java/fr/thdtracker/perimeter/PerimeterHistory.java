package fr.thdtracker.perimeter;

import java.util.List;

/** Every period of a commune's perimeter, oldest first, with who recorded each (administrators only). */
record PerimeterHistory(String insee, String name, List<PerimeterPeriod> periods) {
}
