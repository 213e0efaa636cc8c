package org.medkarta.signature;

import java.time.Instant;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Snils;

/**
 * What a signature is checked against.
 *
 * @param clinic whose trust anchors and CRLs count; null: any clinic's anchors on the platform
 * @param expectedSigner the SNILS the signer's certificate must carry; null: no such check
 * @param at the time of signing to check validity at; null: the CAdES signingTime, else now
 */
public record Trust(ClinicId clinic, Snils expectedSigner, Instant at) {

    public static Trust anyClinic() {
        return new Trust(null, null, null);
    }
}
