package org.medkarta.notification;

/** How a message reaches a person. */
public enum Channel {
    SMS,
    EMAIL
}
