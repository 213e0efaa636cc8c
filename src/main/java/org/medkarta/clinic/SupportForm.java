package org.medkarta.clinic;

/**
 * A "Нужна помощь" request or a callback order (SPEC B7). A signed-out visitor leaves an e-mail or
 * a phone; a callback needs a phone. {@code clinicId} is optional: a request about one clinic also
 * reaches that clinic's administrators.
 */
public record SupportForm(
        String kind,
        String name,
        String email,
        String phone,
        String topic,
        String text,
        String preferredTime,
        String clinicId) {}
