package org.medkarta.signature;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * Signs on the server: a port with two implementations today, the PKCS#12 keystores doctors and
 * clinics upload ({@link KeystoreSigner}) and a remote signing service ({@link RemoteSigner}).
 */
interface Signer {

    /** The certificate of the key that signs for {@code key}, if one is set up. */
    Optional<X509Certificate> certificate(SigningKey key);

    /**
     * A detached CAdES-BES signature of {@code document}.
     *
     * @param password entered at signing, or null to take it from configuration
     * @param signingTime the signingTime attribute
     */
    byte[] sign(SigningKey key, byte[] document, char[] password, Instant signingTime);
}
