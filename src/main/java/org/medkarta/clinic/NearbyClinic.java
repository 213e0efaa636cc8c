package org.medkarta.clinic;

/** A clinic of the public catalogue with its distance from where someone stands, in kilometres. */
public record NearbyClinic(ClinicCard clinic, double distanceKm) {}
