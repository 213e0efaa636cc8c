package org.medkarta.conversation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.medkarta.shared.UserId;

/**
 * Time-limited TURN credentials as coturn checks them with {@code use-auth-secret} (the TURN REST
 * API draft): the user name is {@code <expiry as Unix seconds>:<user id>} and the password is the
 * Base64 of HMAC-SHA1 of that name keyed with the shared {@code static-auth-secret}. The TURN server
 * needs no list of users; a leaked credential stops working at its expiry.
 */
final class TurnCredentials {

    private TurnCredentials() {}

    static IceServer issue(List<String> urls, String secret, Duration ttl, UserId user, Instant now) {
        String username = now.plus(ttl).getEpochSecond() + ":" + user.value();
        return new IceServer(List.copyOf(urls), username, password(secret, username));
    }

    static String password(String secret, String username) {
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA1", e);
        }
    }
}
