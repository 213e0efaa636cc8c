package org.medkarta.record;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The contact data a patient keeps up themself (seed 002: «пользователь может добавить контактные
 * данные – дополнительные телефоны, адреса электронной почты, изменить адрес фактического места
 * проживания и регистрации») and the history of its changes.
 */
public record ContactsView(
        List<Contact> contacts, String actualAddress, String registrationAddress, List<Change> changes) {

    /** An extra phone ({@code PHONE}, E.164) or e-mail ({@code EMAIL}). */
    public record Contact(UUID id, String kind, String value, Instant addedAt) {}

    public record Change(
            String field, String oldValue, String newValue, String reason, String authorName, Instant at) {}
}
