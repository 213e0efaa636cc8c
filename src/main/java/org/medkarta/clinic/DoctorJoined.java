package org.medkarta.clinic;

import java.time.Instant;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.UserId;

/** A doctor was invited to a clinic and has a profile there. */
public record DoctorJoined(DoctorId doctor, ClinicId clinic, UserId user, Instant at) {}
