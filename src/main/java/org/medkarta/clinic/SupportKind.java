package org.medkarta.clinic;

/** What a support request is (SPEC B7). */
public enum SupportKind {
    /** "Нужна помощь": a question in writing. */
    HELP,
    /** A callback order: phone, topic, preferred time. */
    CALLBACK;
}
