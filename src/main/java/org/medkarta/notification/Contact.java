package org.medkarta.notification;

/**
 * Where a person can be reached outside the app; either may be null when unknown.
 *
 * @param phone E.164, such as {@code +79990000001}
 */
public record Contact(String phone, String email) {

    public static Contact phone(String phone) {
        return new Contact(phone, null);
    }

    public static Contact email(String email) {
        return new Contact(null, email);
    }
}
