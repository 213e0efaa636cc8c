package org.medkarta.identity;

/**
 * A policy as typed: kind {@code OMS} or {@code DMS}, the number, the insurer and the dates
 * ({@code YYYY-MM-DD}, optional).
 */
public record PolicyForm(String kind, String number, String insurer, String validFrom, String validTo) {}
