package org.medkarta.clinic;

import java.util.List;
import org.medkarta.shared.RussianRegions;

/** The subjects of the Russian Federation as the clinic module offers them: {@link RussianRegions}. */
final class Regions {

    private Regions() {}

    static boolean known(String code) {
        return RussianRegions.known(code);
    }

    static String name(String code) {
        return RussianRegions.name(code);
    }

    static List<Region> all() {
        return RussianRegions.all().entrySet().stream()
                .map(entry -> new Region(entry.getKey(), entry.getValue()))
                .toList();
    }
}
