package org.medkarta.access;

/**
 * Where a grant stands (seed 001, "Предоставление доступа ... Отзыв доступа"): the patient has yet to
 * confirm it with a code, the invitee has yet to accept it, it is in force, or it was revoked. Only
 * an {@link #ACTIVE} grant opens the record.
 */
public enum GrantStatus {
    PENDING,
    INVITED,
    ACTIVE,
    REVOKED
}
