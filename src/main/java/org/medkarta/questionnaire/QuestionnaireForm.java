package org.medkarta.questionnaire;

import java.util.List;

/**
 * A questionnaire as its administrator writes it.
 *
 * @param serviceIds the clinic's services whose bookings ask for it
 * @param openToAll offered to every patient in the clinic's care
 */
public record QuestionnaireForm(
        String title, String description, List<ItemForm> items, List<String> serviceIds, boolean openToAll) {

    public QuestionnaireForm {
        items = items == null ? List.of() : items;
        serviceIds = serviceIds == null ? List.of() : serviceIds;
    }
}
