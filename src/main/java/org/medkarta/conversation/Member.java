package org.medkarta.conversation;

import org.medkarta.shared.UserId;

/**
 * A person in a room.
 *
 * @param role a label the owning module chooses, such as {@code PATIENT}, {@code DOCTOR} or {@code
 *     REPRESENTATIVE}; shown beside the name
 * @param displayName how the others see them in the chat
 */
public record Member(UserId userId, String role, String displayName) {

    public Member {
        if (userId == null) {
            throw new IllegalArgumentException("a member needs a user id");
        }
        role = role == null || role.isBlank() ? "MEMBER" : role.strip();
        displayName = displayName == null || displayName.isBlank() ? role : displayName.strip();
    }
}
