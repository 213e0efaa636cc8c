package org.medkarta.signature;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * CRLs fetched from the distribution points certificates name, with a short timeout, each kept until
 * its nextUpdate. A point that does not answer is asked again after a minute, not on every
 * verification. The cache is this node's own: another node fetches for itself.
 */
@Component
class Crls {

    private static final Logger log = LoggerFactory.getLogger(Crls.class);
    private static final Duration UNREACHABLE_FOR = Duration.ofMinutes(1);
    private static final Duration WITHOUT_NEXT_UPDATE = Duration.ofHours(1);
    private static final int MAX_CRL_BYTES = 20 * 1024 * 1024;

    private record Cached(X509CRL crl, Instant until) {}

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    Crls(SignatureProperties properties, Clock clock) {
        this.timeout = properties.crlTimeout();
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The CRL published at {@code url}, if it answered with one signed by {@code issuer}. */
    Optional<X509CRL> fetch(String url, X509Certificate issuer) {
        Instant now = clock.instant();
        Cached cached = cache.get(url);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.ofNullable(cached.crl());
        }
        X509CRL crl = download(url);
        if (crl != null && !signedBy(crl, issuer)) {
            log.warn("The CRL at {} is not signed by {}", url, issuer.getSubjectX500Principal());
            crl = null;
        }
        Instant until = crl == null
                ? now.plus(UNREACHABLE_FOR)
                : crl.getNextUpdate() != null ? crl.getNextUpdate().toInstant() : now.plus(WITHOUT_NEXT_UPDATE);
        cache.put(url, new Cached(crl, until));
        return Optional.ofNullable(crl);
    }

    /** Forgets every fetched CRL (after the trust store changed, and in tests). */
    void forget() {
        cache.clear();
    }

    static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            crl.verify(issuer.getPublicKey(), Certificates.provider());
            return true;
        } catch (Exception notSigned) {
            return false;
        }
    }

    private X509CRL download(String url) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .GET()
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (var body = response.body()) {
                if (response.statusCode() != 200) {
                    return null;
                }
                byte[] bytes = body.readNBytes(MAX_CRL_BYTES + 1);
                if (bytes.length > MAX_CRL_BYTES) {
                    return null;
                }
                return Certificates.readCrl(bytes);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception unreachable) {
            log.info("CRL distribution point {} not reachable: {}", url, unreachable.toString());
            return null;
        }
    }
}
