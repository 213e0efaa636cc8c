package org.medkarta.signature;

import java.time.Instant;

/**
 * What a person needs to know of a signing certificate, read the way Russian qualified certificates
 * carry it (SNILS OID 1.2.643.100.3, OGRN 1.2.643.100.1, OGRNIP 1.2.643.100.5, INN 1.2.643.3.131.1.1
 * in the subject).
 *
 * @param name the owner (subject CN, or SN + G when the CN names an organisation)
 * @param organisation subject O, or null
 * @param snils the owner's SNILS (11 digits), or null
 * @param ogrn the organisation's OGRN/OGRNIP, or null
 * @param serial the certificate's serial number in upper-case hexadecimal
 * @param algorithm the key's algorithm as people name it ("ГОСТ Р 34.10-2012 256 бит", "RSA 2048", "ECDSA P-256")
 */
public record CertificateView(
        String name,
        String organisation,
        String snils,
        String ogrn,
        String serial,
        String issuer,
        Instant notBefore,
        Instant notAfter,
        String algorithm) {}
