package org.medkarta.identity;

import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.Base64;
import org.medkarta.shared.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The RSA key that signs access tokens. Configured ({@code medkarta.identity.jwt.private-key}, as
 * in {@code prod}) or generated on first start and kept in the database, so that every node signs
 * and verifies with the same key.
 */
final class SigningKey {

    private SigningKey() {}

    static RSAKey load(IdentityProperties.Jwt settings, JdbcClient jdbc, Clock clock) {
        String encoded = settings.privateKey().isBlank() ? stored(settings, jdbc, clock) : settings.privateKey();
        try {
            var factory = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(strip(encoded))));
            var publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyIDFromThumbprint()
                    .build();
        } catch (GeneralSecurityException
                | IllegalArgumentException
                | ClassCastException
                | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(
                    "medkarta.identity.jwt.private-key is not a base64 PKCS#8 RSA private key", e);
        }
    }

    /** A new 2048-bit key as base64 PKCS#8, the form the configuration takes. */
    static String generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Base64.getEncoder()
                    .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    private static String stored(IdentityProperties.Jwt settings, JdbcClient jdbc, Clock clock) {
        if (!settings.generateKey()) {
            throw new IllegalStateException(
                    "Set medkarta.identity.jwt.private-key (MEDKARTA_IDENTITY_JWT_PRIVATE_KEY): a base64 PKCS#8 RSA key"
                            + " that signs API access tokens");
        }
        jdbc.sql("""
                        INSERT INTO identity_signing_key (id, private_key, created_at) VALUES ('current', :key, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("key", generate())
                .param("now", Columns.utc(clock.instant()))
                .update();
        return jdbc.sql("SELECT private_key FROM identity_signing_key WHERE id = 'current'")
                .query(String.class)
                .single();
    }

    private static String strip(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
