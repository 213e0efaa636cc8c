package org.medkarta.access;

/** How far a person the patient granted access to may go (seed 001, "уровни доступа"). */
public enum AccessLevel {
    VIEW,
    VIEW_DOWNLOAD,
    FULL
}
