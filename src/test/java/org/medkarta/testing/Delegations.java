package org.medkarta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.medkarta.notification.DevOutbox;
import org.medkarta.notification.OutboundMessage;
import org.medkarta.shared.PatientId;

/**
 * Grants and revocations made over the API as people make them (SPEC F1, F2; seed 001): the owner
 * starts a grant and confirms it with the code from their SMS, the grantee asks for their own code
 * and accepts; a revocation is confirmed by the owner's code. For tests of modules that follow
 * access decisions without depending on the access module.
 */
public final class Delegations {

    /** Who takes part: their access token and the phone their codes go to. */
    public record Holder(String token, String phone) {}

    private Delegations() {}

    /** Grants {@code grantee} access to {@code record} at a level (VIEW, VIEW_DOWNLOAD, FULL); the grant's id. */
    public static UUID grant(
            ApiSupport api, DevOutbox outbox, Holder owner, PatientId record, Holder grantee, String level) {
        var ownerHad = outbox.sentTo(owner.phone());
        var started = api.post(
                "/api/v1/patients/" + record.value() + "/grants",
                ApiSupport.map("granteePhone", grantee.phone(), "granteeName", "Родственник", "level", level),
                bearer(owner));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(api.body(started).get("status").asString()).isEqualTo("PENDING");
        String id = api.body(started).get("id").asString();
        var confirmed = api.post(
                "/api/v1/grants/" + id + "/confirm",
                ApiSupport.map("code", codeAfter(outbox, owner.phone(), ownerHad)),
                bearer(owner));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(api.body(confirmed).get("status").asString()).isEqualTo("INVITED");
        var granteeHad = outbox.sentTo(grantee.phone());
        var sent = api.post("/api/v1/invitations/" + id + "/code", ApiSupport.map(), bearer(grantee));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        var accepted = api.post(
                "/api/v1/invitations/" + id + "/accept",
                ApiSupport.map("code", codeAfter(outbox, grantee.phone(), granteeHad), "acceptTerms", true),
                bearer(grantee));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(api.body(accepted).get("status").asString()).isEqualTo("ACTIVE");
        return UUID.fromString(id);
    }

    /** Revokes a grant, confirmed by the owner's code. */
    public static void revoke(ApiSupport api, DevOutbox outbox, Holder owner, UUID grant) {
        var ownerHad = outbox.sentTo(owner.phone());
        var sent = api.post("/api/v1/grants/" + grant + "/revoke", ApiSupport.map(), bearer(owner));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        var revoked = api.post(
                "/api/v1/grants/" + grant + "/revoke",
                ApiSupport.map("code", codeAfter(outbox, owner.phone(), ownerHad)),
                bearer(owner));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(api.body(revoked).get("status").asString()).isEqualTo("REVOKED");
    }

    /** A parent registers a child with a birth certificate; the child's record. */
    public static PatientId child(ApiSupport api, Holder parent, java.time.LocalDate born) {
        return child(api, parent, "Представляемый", born);
    }

    /** A parent registers a child of the given last name with a birth certificate; the child's record. */
    public static PatientId child(ApiSupport api, Holder parent, String lastName, java.time.LocalDate born) {
        return child(api, parent, lastName, "Миша", born);
    }

    /** A parent registers a child of the given name with a birth certificate; the child's record. */
    public static PatientId child(
            ApiSupport api, Holder parent, String lastName, String firstName, java.time.LocalDate born) {
        var registered = api.post(
                "/api/v1/children",
                ApiSupport.map(
                        "lastName",
                        lastName,
                        "firstName",
                        firstName,
                        "birthDate",
                        born.toString(),
                        "certificateSeries",
                        "IV-МЮ",
                        "certificateNumber",
                        String.format(
                                "%06d",
                                java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000))),
                bearer(parent));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return PatientId.of(api.body(registered).get("patientId").asString());
    }

    /**
     * The code in an SMS «Код …» to the phone that was not among {@code had}: notices about the
     * patient's consultations reach the same phone at the same time (and at the same instant of a
     * frozen clock), so the newest message is not always the code.
     */
    private static String codeAfter(DevOutbox outbox, String phone, List<OutboundMessage> had) {
        long until = System.nanoTime() + 10_000_000_000L;
        while (true) {
            var fresh = new ArrayList<>(outbox.sentTo(phone));
            had.forEach(fresh::remove);
            for (var message : fresh) {
                var code = CODE.matcher(message.body());
                if (code.lookingAt()) {
                    return code.group(1);
                }
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("no code sent to " + phone + " among " + fresh);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("Код (\\d{6})\\b");

    private static String[] bearer(Holder holder) {
        return new String[] {"Authorization", "Bearer " + holder.token()};
    }
}
