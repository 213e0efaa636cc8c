package org.medkarta.consultation;

/** How the patient chose to talk (SPEC D1). */
public enum Channel {
    VIDEO,
    AUDIO,
    CHAT
}
