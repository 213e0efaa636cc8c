package org.medkarta.clinic;

/** A clinic's logo or a doctor's photo: PNG or JPEG, at most 1 MB. */
public record Picture(String contentType, byte[] content) {}
