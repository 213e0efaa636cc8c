package org.medkarta.clinic;

import org.medkarta.shared.ClinicId;

/**
 * Whether a clinic has a signing key on the server, which co-signing needs. The clinic module does
 * not hold keys (the signature module does, and it depends on this one), so the check is a port
 * that the module using both implements.
 */
public interface ClinicSigningKeys {

    boolean present(ClinicId clinic);
}
