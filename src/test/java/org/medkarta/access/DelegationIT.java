package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;

/** Delegated access (SPEC F1, F2; seed 001): grants confirmed by codes, levels, revocation at once. */
class DelegationIT extends AccessSupport {

    @Test
    void aGrantIsInForceOnlyOnceTheInviteeAcceptsAndARevocationEndsItOnTheVeryNextRequest() {
        var owner = patient();
        var grantee = patient();

        var started = postAs(
                owner.token(),
                "/api/v1/patients/" + owner.id() + "/grants",
                map("granteePhone", grantee.phone(), "level", "VIEW_DOWNLOAD"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String id = body(started).get("id").asString();
        assertThat(records(grantee)).doesNotContain(owner.id());
        assertThatThrownBy(() -> access.require(grantee.user(), owner.patient(), RecordAction.VIEW))
                .isInstanceOf(NotFound.class);

        var confirmed = postAs(
                owner.token(),
                "/api/v1/grants/" + id + "/confirm",
                map("code", Outbox.latestCode(outbox, owner.phone())));
        assertThat(body(confirmed).get("status").asString()).isEqualTo("INVITED");
        var invitation = Outbox.to(outbox, grantee.phone(), 1).get(0).body();
        assertThat(invitation).contains("/access/invitations/" + id);
        // Invited is not yet in force.
        assertThatThrownBy(() -> access.require(grantee.user(), owner.patient(), RecordAction.VIEW))
                .isInstanceOf(NotFound.class);
        var list = getAs(grantee.token(), "/api/v1/invitations");
        assertThat(body(list).get(0).get("id").asString()).isEqualTo(id);

        var withoutTerms = postAs(grantee.token(), "/api/v1/invitations/" + id + "/accept", map("code", "123456"));
        assertThat(withoutTerms.statusCode()).isEqualTo(422);
        assertThat(body(withoutTerms).get("field").asString()).isEqualTo("acceptTerms");
        postAs(grantee.token(), "/api/v1/invitations/" + id + "/code", map());
        var accepted = postAs(
                grantee.token(),
                "/api/v1/invitations/" + id + "/accept",
                map("code", Outbox.latestCode(outbox, grantee.phone()), "acceptTerms", true));
        assertThat(body(accepted).get("status").asString()).isEqualTo("ACTIVE");

        var decision = access.require(grantee.user(), owner.patient(), RecordAction.DOWNLOAD);
        assertThat(decision.relation()).isEqualTo(Relation.GRANTEE);
        assertThat(decision.level()).isEqualTo(AccessLevel.VIEW_DOWNLOAD);
        assertThatThrownBy(() -> access.require(grantee.user(), owner.patient(), RecordAction.ACT_FOR))
                .isInstanceOf(AccessRefusal.class)
                .hasMessage("action-not-allowed");
        assertThat(records(grantee)).contains(owner.id());
        // A grantee never manages the owner's grants; knowing the record, they are told so.
        var managing = getAs(grantee.token(), "/api/v1/patients/" + owner.id() + "/grants");
        assertThat(managing.statusCode()).isEqualTo(403);
        assertThat(problem(managing)).isEqualTo("action-not-allowed");

        revoke(owner, UUID.fromString(id));

        assertThatThrownBy(() -> access.require(grantee.user(), owner.patient(), RecordAction.VIEW))
                .isInstanceOf(NotFound.class);
        assertThat(records(grantee)).doesNotContain(owner.id());
        assertThat(Outbox.to(outbox, grantee.phone(), 3).get(0).body()).contains("отозван");
        assertThat(rightsChanges(owner.patient())).containsExactly("GRANT_INVITED", "GRANT_ACCEPTED", "GRANT_REVOKED");
    }

    @Test
    void aLevelChangeConfirmedByCodeAppliesOnTheNextRequest() {
        var owner = patient();
        var grantee = patient();
        UUID grant = grant(owner, owner.patient(), grantee, "FULL");
        assertThat(access.require(grantee.user(), owner.patient(), RecordAction.ACT_FOR)
                        .level())
                .isEqualTo(AccessLevel.FULL);

        var sent = postAs(owner.token(), "/api/v1/grants/" + grant + "/level", map("level", "VIEW"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        // Until confirmed nothing changes.
        access.require(grantee.user(), owner.patient(), RecordAction.ACT_FOR);
        var changed = postAs(
                owner.token(),
                "/api/v1/grants/" + grant + "/level",
                map("level", "VIEW", "code", Outbox.latestCode(outbox, owner.phone())));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(body(changed).get("level").asString()).isEqualTo("VIEW");

        assertThatThrownBy(() -> access.require(grantee.user(), owner.patient(), RecordAction.ACT_FOR))
                .isInstanceOf(AccessRefusal.class)
                .hasMessage("action-not-allowed");
        assertThat(access.require(grantee.user(), owner.patient(), RecordAction.VIEW)
                        .level())
                .isEqualTo(AccessLevel.VIEW);
    }

    @Test
    void fiveWrongCodesVoidTheCodeAndAnExpiredOneIsRefused() {
        var owner = patient();
        var started = postAs(
                owner.token(),
                "/api/v1/patients/" + owner.id() + "/grants",
                map("granteeEmail", "someone-" + UUID.randomUUID() + "@example.ru", "level", "VIEW"));
        String id = body(started).get("id").asString();
        String right = Outbox.latestCode(outbox, owner.phone());
        String wrong = right.equals("000000") ? "111111" : "000000";
        var problems = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var refused = postAs(owner.token(), "/api/v1/grants/" + id + "/confirm", map("code", wrong));
            assertThat(refused.statusCode()).isEqualTo(422);
            problems.add(body(refused).get("detail").asString());
        }
        assertThat(problems.get(0)).contains("4");
        var afterVoid = postAs(owner.token(), "/api/v1/grants/" + id + "/confirm", map("code", right));
        assertThat(afterVoid.statusCode()).isEqualTo(422);
        assertThat(body(afterVoid).get("field").asString()).isEqualTo("code");

        var other = postAs(
                owner.token(),
                "/api/v1/patients/" + owner.id() + "/grants",
                map("granteePhone", Phones.unique(), "level", "FULL"));
        String otherId = body(other).get("id").asString();
        String code = Outbox.latestCode(outbox, owner.phone());
        clock.advance(java.time.Duration.ofMinutes(16));
        var fresh = again(owner);
        var expired = postAs(fresh.token(), "/api/v1/grants/" + otherId + "/confirm", map("code", code));
        assertThat(expired.statusCode()).isEqualTo(422);
        assertThat(body(expired).get("detail").asString()).isNotBlank();
    }

    @Test
    void everyWrongGrantFormIsNamedAndAnotherPatientsRecordIsNotFound() {
        var owner = patient();
        var stranger = patient();
        String path = "/api/v1/patients/" + owner.id() + "/grants";

        var none = postAs(owner.token(), path, map("level", "VIEW"));
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(body(none).get("field").asString()).isEqualTo("granteePhone");
        var both = postAs(
                owner.token(), path, map("granteePhone", Phones.unique(), "granteeEmail", "a@b.ru", "level", "VIEW"));
        assertThat(body(both).get("field").asString()).isEqualTo("granteeEmail");
        var level = postAs(owner.token(), path, map("granteePhone", Phones.unique(), "level", "EVERYTHING"));
        assertThat(body(level).get("field").asString()).isEqualTo("level");
        var phone = postAs(owner.token(), path, map("granteePhone", "12", "level", "VIEW"));
        assertThat(body(phone).get("field").asString()).isEqualTo("granteePhone");
        var self = postAs(owner.token(), path, map("granteePhone", owner.phone(), "level", "VIEW"));
        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(body(self).get("field").asString()).isEqualTo("granteePhone");
        var malformed = getAs(owner.token(), "/api/v1/patients/not-an-id/grants");
        assertThat(malformed.statusCode()).isEqualTo(422);

        var someoneElses = postAs(stranger.token(), path, map("granteePhone", Phones.unique(), "level", "VIEW"));
        assertThat(someoneElses.statusCode()).isEqualTo(404);
        assertThat(problem(someoneElses)).isEqualTo("not-found");
        var unknown = getAs(owner.token(), "/api/v1/patients/" + UUID.randomUUID() + "/grants");
        assertThat(unknown.statusCode()).isEqualTo(404);

        var twice = postAs(owner.token(), path, map("granteePhone", stranger.phone(), "level", "VIEW"));
        assertThat(twice.statusCode()).isEqualTo(201);
        var again = postAs(owner.token(), path, map("granteePhone", stranger.phone(), "level", "FULL"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problem(again)).isEqualTo("grant-exists");
        // The invitation page is the invitee's alone.
        String id = body(twice).get("id").asString();
        postAs(
                owner.token(),
                "/api/v1/grants/" + id + "/confirm",
                map("code", Outbox.latestCode(outbox, owner.phone())));
        var notMine = postAs(patient().token(), "/api/v1/invitations/" + id + "/code", map());
        assertThat(notMine.statusCode()).isEqualTo(404);
        var revokeByStranger = postAs(stranger.token(), "/api/v1/grants/" + id + "/revoke", map());
        assertThat(revokeByStranger.statusCode()).isEqualTo(404);
    }

    List<String> records(Person person) {
        var me = getAs(person.token(), "/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        var ids = new ArrayList<String>();
        body(me).get("records")
                .forEach(record -> ids.add(record.get("patientId").asString()));
        return ids;
    }

    List<String> rightsChanges(PatientId patient) {
        return jdbc.sql("SELECT action FROM audit_event WHERE patient_id = :p AND actor_role = 'RIGHTS' ORDER BY seq")
                .param("p", patient.value())
                .query(String.class)
                .list();
    }
}
