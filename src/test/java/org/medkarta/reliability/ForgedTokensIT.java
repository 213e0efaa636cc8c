package org.medkarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Registered;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.identity.Tokens;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forged, altered, stale and misused access tokens and browser sessions (issue 12, the suite that
 * keeps it so): every one is refused with 401 (a page: sent to sign in) and shows none of the
 * person's data. The forging is proven sound first: a token this test builds with the right key
 * and every required claim is accepted, so each refusal below is for the one thing each case changes.
 */
class ForgedTokensIT extends ApiSupport {

    private static final String ISSUER = "https://medkarta.org";
    private static final String AUDIENCE = "medkarta-api";

    @Autowired
    private IdentityFacades identity;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private DevOutbox outbox;

    private RSAKey signingKey;
    private Registered victim;
    private String phone;
    private Tokens genuine;

    @BeforeEach
    void victim() throws Exception {
        phone = Phones.unique();
        victim = TestPatients.register(identity, "Подделкин", "Секрет", null, phone, "1980-01-02");
        genuine = identity.tokens().tokensFor(user(victim));
        signingKey = appKey();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static SignedInUser user(Registered account) {
        return new SignedInUser(
                account.userId(),
                "Секрет",
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
    }

    /** The application's own signing key, as every node reads it. */
    private RSAKey appKey() throws Exception {
        String encoded = jdbc.sql("SELECT private_key FROM identity_signing_key WHERE id = 'current'")
                .query(String.class)
                .single();
        var factory = KeyFactory.getInstance("RSA");
        var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(encoded.replaceAll("\\s", ""))));
        var publicKey = (RSAPublicKey)
                factory.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new RSAKey.Builder(publicKey)
                .privateKey(privateKey)
                .keyIDFromThumbprint()
                .build();
    }

    /** The claims the application puts in a token for the victim, for a case to change one of. */
    private JWTClaimsSet.Builder claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(victim.userId().value().toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("name", "Секрет")
                .claim("method", "SMS_CODE")
                .claim("roles", List.of("PATIENT"))
                .claim("pid", victim.patientId().value().toString());
    }

    private JWTClaimsSet with(Consumer<JWTClaimsSet.Builder> change) {
        var builder = claims();
        change.accept(builder);
        return builder.build();
    }

    private static String signed(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        try {
            var jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String rightlySigned(JWTClaimsSet claims) {
        try {
            return signed(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims, new RSASSASigner(signingKey));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String segment(String token, int index) {
        return token.split("\\.", -1)[index];
    }

    /** The token with its payload replaced, the signature kept. */
    private static String withPayload(String token, JWTClaimsSet claims) {
        return segment(token, 0) + "." + b64(claims.toString()) + "." + segment(token, 2);
    }

    private HttpResponse<String> me(String... headers) {
        return get("/api/v1/me", headers);
    }

    private HttpResponse<String> meWith(String token) {
        return me("Authorization", "Bearer " + token, "Accept", "application/json");
    }

    private void assertRefusedWithoutData(String name, HttpResponse<String> answer, List<String> failures) {
        String body = answer.body() == null ? "" : answer.body();
        if (answer.statusCode() != 401) {
            failures.add(name + ": expected 401, got " + answer.statusCode() + " " + body);
        } else if (body.contains(victim.userId().value().toString())
                || body.contains(victim.patientId().value().toString())
                || body.contains("Секрет")) {
            failures.add(name + ": the refusal shows the person's data: " + body);
        }
    }

    @Test
    void aTokenForgedWithTheRightKeyAndEveryClaimIsAcceptedSoTheRefusalsBelowMeanSomething() {
        var answer = meWith(rightlySigned(claims().build()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(body(answer).get("userId").asString())
                .isEqualTo(victim.userId().value().toString());
        assertThat(meWith(genuine.accessToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void everyForgedAlteredStaleOrMisusedTokenIsRefusedWith401AndShowsNoData() throws Exception {
        Instant now = clock.instant();
        String good = genuine.accessToken();
        RSAKey otherRsa = new RSAKeyGenerator(2048).generate();
        var otherEc = new ECKeyGenerator(Curve.P_256).generate();
        byte[] publicDer = signingKey.toRSAPublicKey().getEncoded();
        String publicPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(publicDer) + "\n-----END PUBLIC KEY-----\n";
        byte[] pemSecret = publicPem.getBytes(StandardCharsets.US_ASCII);
        var rs256 = new JWSHeader.Builder(JWSAlgorithm.RS256).build();
        var stranger = TestPatients.register(identity, "Чужой", "Иван", null, Phones.unique(), "1970-05-05");
        String strangersToken = identity.tokens().tokensFor(user(stranger)).accessToken();
        JWTClaimsSet valid = claims().build();

        var cases = new java.util.LinkedHashMap<String, String>();
        // Algorithms: none, confusion of RSA with HMAC, others than RS256.
        cases.put("alg none, no signature", b64("{\"alg\":\"none\"}") + "." + b64(valid.toString()) + ".");
        cases.put("alg None capitalised", b64("{\"alg\":\"None\"}") + "." + b64(valid.toString()) + ".");
        cases.put(
                "alg none keeping a real signature",
                b64("{\"alg\":\"none\"}") + "." + segment(good, 1) + "." + segment(good, 2));
        cases.put(
                "HS256 keyed with the public key (DER)",
                signed(new JWSHeader(JWSAlgorithm.HS256), valid, new MACSigner(publicDer)));
        cases.put(
                "HS256 keyed with the public key (PEM)",
                signed(new JWSHeader(JWSAlgorithm.HS256), valid, new MACSigner(pemSecret)));
        cases.put(
                "HS512 keyed with the public key (DER)",
                signed(new JWSHeader(JWSAlgorithm.HS512), valid, new MACSigner(publicDer)));
        cases.put("RS256 by another key", signed(rs256, valid, new RSASSASigner(otherRsa)));
        cases.put(
                "RS256 by another key claiming the right kid",
                signed(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(signingKey.getKeyID())
                                .build(),
                        valid,
                        new RSASSASigner(otherRsa)));
        cases.put(
                "RS256 by another key embedded as jwk",
                signed(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .jwk(otherRsa.toPublicJWK())
                                .build(),
                        valid,
                        new RSASSASigner(otherRsa)));
        cases.put(
                "RS256 by another key published at a jku",
                signed(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .jwkURL(URI.create("https://attacker.example/jwks.json"))
                                .build(),
                        valid,
                        new RSASSASigner(otherRsa)));
        cases.put(
                "RS512 by the right key",
                signed(new JWSHeader(JWSAlgorithm.RS512), valid, new RSASSASigner(signingKey)));
        cases.put(
                "PS256 by the right key",
                signed(new JWSHeader(JWSAlgorithm.PS256), valid, new RSASSASigner(signingKey)));
        cases.put("ES256 by an EC key", signed(new JWSHeader(JWSAlgorithm.ES256), valid, new ECDSASigner(otherEc)));
        cases.put(
                "a critical header the server does not know",
                signed(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .type(JOSEObjectType.JWT)
                                .criticalParams(java.util.Set.of("exp-override"))
                                .customParam("exp-override", true)
                                .build(),
                        valid,
                        new RSASSASigner(signingKey)));
        // Time.
        cases.put(
                "expired a second ago",
                rightlySigned(with(c -> c.issueTime(Date.from(now.minus(Duration.ofMinutes(16))))
                        .expirationTime(Date.from(now.minusSeconds(1))))));
        cases.put(
                "expired a year ago",
                rightlySigned(with(c -> c.issueTime(Date.from(now.minus(Duration.ofDays(366))))
                        .expirationTime(Date.from(now.minus(Duration.ofDays(365)))))));
        cases.put(
                "not valid before tomorrow",
                rightlySigned(with(c -> c.notBeforeTime(Date.from(now.plus(Duration.ofDays(1)))))));
        cases.put(
                "issued tomorrow",
                rightlySigned(with(c -> c.issueTime(Date.from(now.plus(Duration.ofDays(1))))
                        .expirationTime(Date.from(now.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(15)))))));
        // Claims every access token must carry.
        cases.put("without exp", rightlySigned(with(c -> c.expirationTime(null))));
        cases.put("without iat", rightlySigned(with(c -> c.issueTime(null))));
        cases.put("without iss", rightlySigned(with(c -> c.issuer(null))));
        cases.put("without aud", rightlySigned(with(c -> c.audience((String) null))));
        cases.put("without sub", rightlySigned(with(c -> c.subject(null))));
        cases.put("another issuer", rightlySigned(with(c -> c.issuer("https://attacker.example"))));
        cases.put("the issuer with a trailing slash", rightlySigned(with(c -> c.issuer(ISSUER + "/"))));
        cases.put("another audience", rightlySigned(with(c -> c.audience("another-api"))));
        cases.put("audiences without ours", rightlySigned(with(c -> c.audience(List.of("another-api", "third-api")))));
        cases.put("a subject that is no user id", rightlySigned(with(c -> c.subject("admin"))));
        cases.put("a role that does not exist", rightlySigned(with(c -> c.claim("roles", List.of("SUPERUSER")))));
        cases.put("a record id that is no id", rightlySigned(with(c -> c.claim("pid", "../../etc/passwd"))));
        // Tampering with a genuine token.
        cases.put(
                "the payload raised to platform administrator",
                withPayload(good, with(c -> c.claim("roles", List.of("PLATFORM_ADMIN")))));
        cases.put("the payload moved to another person", withPayload(strangersToken, with(c -> {})));
        cases.put(
                "the payload's expiry pushed back",
                withPayload(good, with(c -> c.expirationTime(Date.from(now.plus(Duration.ofDays(365)))))));
        char last = good.charAt(good.length() - 2);
        cases.put(
                "one character of the signature changed",
                good.substring(0, good.length() - 2) + (last == 'A' ? 'B' : 'A') + good.charAt(good.length() - 1));
        cases.put("the signature removed", segment(good, 0) + "." + segment(good, 1) + ".");
        cases.put(
                "the signature of another genuine token",
                segment(good, 0) + "." + segment(good, 1) + "." + segment(strangersToken, 2));
        cases.put("two segments only", segment(good, 0) + "." + segment(good, 1));
        cases.put("five segments of garbage", "abc.def.ghi.jkl.mno");
        cases.put("three segments of garbage", "abc.def.ghi");
        cases.put(
                "a JSON payload that is an array",
                b64("{\"alg\":\"RS256\"}") + "." + b64("[1,2]") + "." + segment(good, 2));
        // Tokens that are not access tokens, or no longer.
        cases.put("the refresh token used as an access token", genuine.refreshToken());
        cases.put("the access token's jti as a token", UUID.randomUUID().toString());

        var failures = new ArrayList<String>();
        cases.forEach((name, token) -> assertRefusedWithoutData(name, meWith(token), failures));

        // Headers that are not a bearer token at all.
        var headers = new java.util.LinkedHashMap<String, String[]>();
        headers.put("no Authorization header", new String[] {"Accept", "application/json"});
        headers.put("Bearer and nothing", new String[] {"Authorization", "Bearer", "Accept", "application/json"});
        headers.put(
                "Basic credentials",
                new String[] {"Authorization", "Basic YWRtaW46YWRtaW4=", "Accept", "application/json"});
        headers.put(
                "the token twice in one header",
                new String[] {"Authorization", "Bearer " + good + " " + good, "Accept", "application/json"});
        headers.put(
                "an oversized token of 6,000 characters",
                new String[] {"Authorization", "Bearer " + "a".repeat(6000), "Accept", "application/json"});
        headers.put(
                "the token as a cookie instead of a header",
                new String[] {"Cookie", "access_token=" + good, "Accept", "application/json"});
        headers.put(
                "a forged session cookie on the API",
                new String[] {"Cookie", "SESSION=" + b64(UUID.randomUUID().toString()), "Accept", "application/json"});
        headers.forEach((name, given) -> assertRefusedWithoutData(name, me(given), failures));

        // The genuine token after its fifteen minutes.
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertRefusedWithoutData("the genuine token after it expired", meWith(good), failures);

        int tried = cases.size() + headers.size() + 1;
        System.out.printf("Forged tokens: %d tried, %d accepted%n", tried, failures.size());
        assertThat(tried).isGreaterThanOrEqualTo(40);
        assertThat(failures).isEmpty();
    }

    @Test
    void aRefreshTokenSignedOutOrUsedTwiceIsRefusedWith401() {
        var rotated = post("/api/v1/auth/refresh", Map.of("refreshToken", genuine.refreshToken()));
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);

        var reused = post("/api/v1/auth/refresh", Map.of("refreshToken", genuine.refreshToken()));
        assertThat(reused.statusCode()).isEqualTo(401);
        assertThat(reused.body()).doesNotContain("accessToken");

        var fresh = identity.tokens().tokensFor(user(victim));
        assertThat(post("/api/v1/auth/logout", Map.of("refreshToken", fresh.refreshToken()))
                        .statusCode())
                .isEqualTo(204);
        var afterSignOut = post("/api/v1/auth/refresh", Map.of("refreshToken", fresh.refreshToken()));
        assertThat(afterSignOut.statusCode()).isEqualTo(401);
        assertThat(afterSignOut.body()).doesNotContain("accessToken");
    }

    // ---------------------------------------------------------------- browser sessions

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private record Page(HttpResponse<String> answer, String cookie) {}

    private Page page(String path, String cookie) {
        var builder = request(path).header("Accept", "text/html").GET();
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        var answer = send(builder.build());
        return new Page(answer, sessionCookie(answer).orElse(cookie));
    }

    private Page form(String path, String cookie, String csrf, String form) {
        var answer = send(request(path)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        return new Page(answer, sessionCookie(answer).orElse(cookie));
    }

    private static java.util.Optional<String> sessionCookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .filter(cookie -> !cookie.startsWith("medkarta-lang"))
                .filter(cookie -> !cookie.endsWith("="))
                .findFirst();
    }

    private static String csrf(HttpResponse<String> page) {
        var found = CSRF.matcher(page.body());
        assertThat(found.find()).as("a CSRF token on the page").isTrue();
        return found.group(1);
    }

    private void assertSentToSignIn(String name, HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(name).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .as(name)
                .hasValueSatisfying(location -> assertThat(location).contains("/sign-in"));
        assertThat(answer.body()).as(name).doesNotContain("Подделкин").doesNotContain("Секрет");
    }

    @Test
    void aForgedSessionCookieOpensNoPage() {
        assertSentToSignIn(
                "a random session id",
                page("/profile", "SESSION=" + b64(UUID.randomUUID().toString())).answer());
        assertSentToSignIn("an empty session id", page("/profile", "SESSION=").answer());
        assertSentToSignIn(
                "a session id of garbage",
                page("/profile", "SESSION=%00%01garbage'\";--").answer());
        assertSentToSignIn(
                "a JSESSIONID",
                page("/profile", "JSESSIONID=" + UUID.randomUUID()).answer());
    }

    @Test
    void aSessionFixedBeforeSignInIsNotTheSignedInOneAndASignedOutSessionOpensNothing() {
        var signInPage = page("/sign-in", null);
        String fixed = signInPage.cookie();
        assertThat(fixed)
                .as("the sign-in page keeps its CSRF token in a session")
                .isNotNull();
        String token = csrf(signInPage.answer());

        var codeSent =
                form("/sign-in", fixed, token, "phone=" + java.net.URLEncoder.encode(phone, StandardCharsets.UTF_8));
        assertThat(codeSent.answer().statusCode()).isIn(200, 302);
        var signedIn = form(
                "/sign-in/code",
                codeSent.cookie(),
                token,
                "phone=" + java.net.URLEncoder.encode(phone, StandardCharsets.UTF_8) + "&code="
                        + Outbox.latestCode(outbox, phone));
        assertThat(signedIn.answer().statusCode()).as(signedIn.answer().body()).isEqualTo(302);
        String session = signedIn.cookie();
        assertThat(session).as("signing in gives a new session id").isNotEqualTo(fixed);

        var profile = page("/profile", session);
        assertThat(profile.answer().statusCode()).isEqualTo(200);
        assertSentToSignIn(
                "the session id fixed before sign-in", page("/profile", fixed).answer());

        var signedOut = form("/sign-out", session, csrf(profile.answer()), "");
        assertThat(signedOut.answer().statusCode()).isEqualTo(302);
        assertSentToSignIn(
                "the session after sign-out", page("/profile", session).answer());
    }
}
