package org.medkarta.signature;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code medkarta.signature.*}.
 *
 * @param signer who signs on the server: {@code keystore} (the PKCS#12 files doctors and clinics
 *     upload) or {@code remote} (a CryptoPro DSS-style signing service)
 * @param passwords keystore passwords held in configuration, by owner id (a doctor's user id or a
 *     clinic's id); a key without one needs its password entered at signing
 * @param crlTimeout how long a CRL distribution point is waited for
 * @param maxPart the largest document or signature the public verification accepts
 */
@ConfigurationProperties("medkarta.signature")
record SignatureProperties(
        @DefaultValue("keystore") String signer,
        Map<String, String> passwords,
        @DefaultValue("3s") Duration crlTimeout,
        @DefaultValue("10MB") DataSize maxPart,
        @DefaultValue Remote remote) {

    public SignatureProperties {
        passwords = passwords == null ? Map.of() : Map.copyOf(passwords);
    }

    /**
     * The remote signing service (CryptoPro DSS SignServer REST API).
     *
     * @param url the SignServer base, such as {@code https://dss.example.ru/SignServer/rest/api}
     * @param token the Bearer token Medkarta signs in with
     * @param certificates the service's certificate id by owner id
     * @param timeout how long a signing request is waited for
     */
    public record Remote(
            URI url,
            String token,
            Map<String, String> certificates,
            @DefaultValue("10s") Duration timeout) {

        public Remote {
            certificates = certificates == null ? Map.of() : Map.copyOf(certificates);
        }
    }

    boolean signsRemotely() {
        return "remote".equalsIgnoreCase(signer);
    }
}
