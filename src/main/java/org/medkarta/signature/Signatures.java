package org.medkarta.signature;

import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Verifies detached signatures and signs on the server (issue 16, "What a signature is here").
 * CONTRACT: the signature helper builds the bodies; callers code against these signatures.
 */
@Service
public class Signatures {

    /**
     * Verifies a detached CMS SignedData (DER, or PEM/base64 of it) over the exact bytes of {@code
     * document}: the signature, the chain up to {@code trust}'s anchors, CRLs, validity at the time
     * of signing, key usage and the expected signer. Never throws for bad input: a signature that
     * cannot be read is a {@link VerdictReason#MALFORMED} verdict.
     */
    public Verdict verify(byte[] document, byte[] signature, Trust trust) {
        throw new UnsupportedOperationException("issue 16");
    }

    /**
     * Reads a certificate (DER, PEM or base64 of DER) for the stamp and the doctor's choice.
     *
     * @throws SignatureRefusal {@code certificate-unreadable} (400)
     */
    public CertificateView describe(byte[] certificate) {
        throw new UnsupportedOperationException("issue 16");
    }

    /** The certificate (DER) of the key that signs for {@code key} on the server, if one is set up. */
    public Optional<byte[]> certificate(SigningKey key) {
        throw new UnsupportedOperationException("issue 16");
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
        throw new UnsupportedOperationException("issue 16");
    }
}
