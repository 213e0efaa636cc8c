package org.medkarta.conversation;

/** What a call carries: WebRTC video or audio between browsers, or a call to the patient's phone (SPEC D6). */
public enum CallMode {
    VIDEO,
    AUDIO,
    PHONE
}
