package org.medkarta.clinic;

import java.time.Instant;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.UserId;

/** A clinic was registered on the platform. */
public record ClinicRegistered(ClinicId clinic, String name, String region, UserId by, Instant at) {}
