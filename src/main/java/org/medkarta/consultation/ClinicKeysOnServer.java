package org.medkarta.consultation;

import org.medkarta.clinic.ClinicSigningKeys;
import org.medkarta.shared.ClinicId;
import org.medkarta.signature.Signatures;
import org.medkarta.signature.SigningKey;
import org.springframework.stereotype.Component;

/**
 * Tells the clinic module whether a clinic has a signing key on the server (co-signing protocols
 * needs one, issue 16); the signature module holds the keys and depends on the clinic module, so
 * the answer comes through here.
 */
@Component
class ClinicKeysOnServer implements ClinicSigningKeys {

    private final Signatures signatures;

    ClinicKeysOnServer(Signatures signatures) {
        this.signatures = signatures;
    }

    @Override
    public boolean present(ClinicId clinic) {
        return signatures
                .certificate(new SigningKey(SigningKey.Owner.CLINIC, clinic.value()))
                .isPresent();
    }
}
