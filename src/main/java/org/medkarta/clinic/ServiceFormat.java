package org.medkarta.clinic;

/** How a service is given (SPEC B4). */
public enum ServiceFormat {
    VIDEO,
    AUDIO,
    CHAT,
    IN_PERSON;

    /** Whether the service is given at a distance, through the platform. */
    public boolean remote() {
        return this != IN_PERSON;
    }
}
