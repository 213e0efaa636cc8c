package org.medkarta.signature;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Verifies detached signatures and signs on the server (issue 16, "What a signature is here").
 */
@Service
public class Signatures {

    private final Verifier verifier;
    private final Signer signer;
    private final Audits audits;
    private final Clock clock;

    Signatures(Verifier verifier, Signer signer, Audits audits, Clock clock) {
        this.verifier = verifier;
        this.signer = signer;
        this.audits = audits;
        this.clock = clock;
    }

    /**
     * Verifies a detached CMS SignedData (DER, or PEM/base64 of it) over the exact bytes of {@code
     * document}: the signature, the chain up to {@code trust}'s anchors, CRLs, validity at the time
     * of signing, key usage and the expected signer. Never throws for bad input: a signature that
     * cannot be read is a {@link VerdictReason#MALFORMED} verdict.
     */
    public Verdict verify(byte[] document, byte[] signature, Trust trust) {
        return verifier.verify(document, signature, trust);
    }

    /**
     * Reads a certificate (DER, PEM or base64 of DER) for the stamp and the doctor's choice.
     *
     * @throws SignatureRefusal {@code certificate-unreadable} (400)
     */
    public CertificateView describe(byte[] certificate) {
        return Certificates.view(Certificates.read(certificate));
    }

    /** The certificate (DER) of the key that signs for {@code key} on the server, if one is set up. */
    public Optional<byte[]> certificate(SigningKey key) {
        return signer.certificate(key).map(Certificates::encoded);
    }

    /**
     * Signs {@code document} on the server with {@code key}: a detached CAdES-BES CMS SignedData
     * (DER) with a signingTime from the clock.
     *
     * @param password the keystore's password entered at signing, or null to take it from
     *     configuration
     * @throws SignatureRefusal {@code no-signing-key} (409), {@code keystore-password-wrong} (422),
     *     {@code signing-service-unavailable} (503)
     */
    public byte[] sign(SigningKey key, byte[] document, char[] password) {
        String resource = "signing-key:" + key.owner().name() + ":" + key.ownerId();
        try {
            byte[] signature = signer.sign(key, document, password, clock.instant());
            audits.record(key.ownerId(), key.owner().name(), "SIGNED", resource, "SUCCESS");
            return signature;
        } catch (SignatureRefusal refused) {
            audits.record(key.ownerId(), key.owner().name(), "SIGNED", resource, "DENIED");
            throw refused;
        }
    }
}
