package org.medkarta.questionnaire;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.ClinicId;

/**
 * One version of a clinic's questionnaire.
 *
 * @param seriesId the questionnaire as the clinic knows it, across its versions
 * @param serviceIds the services whose bookings ask for it (of the series)
 * @param openToAll offered to every patient in the clinic's care (of the series)
 */
public record QuestionnaireView(
        UUID id,
        UUID seriesId,
        ClinicId clinicId,
        int version,
        QuestionnaireStatus status,
        String title,
        String description,
        List<Item> items,
        List<UUID> serviceIds,
        boolean openToAll,
        Instant createdAt,
        Instant publishedAt) {

    /** The item with this linkId, or null. */
    public Item item(String linkId) {
        return items.stream()
                .filter(item -> item.linkId().equals(linkId))
                .findFirst()
                .orElse(null);
    }
}
