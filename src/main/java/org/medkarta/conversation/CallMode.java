package org.medkarta.conversation;

/** What a call carries. */
public enum CallMode {
    VIDEO,
    AUDIO
}
