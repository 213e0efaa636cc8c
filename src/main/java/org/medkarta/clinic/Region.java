package org.medkarta.clinic;

/** A subject of the Russian Federation by its two-digit code ({@code "77"} is Moscow). */
public record Region(String code, String name) {}
