package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.testing.Outbox;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The invitee's side of a grant (SPEC F2): an invitation is seen by the person it is addressed to
 * alone, accepted with their own one-time code and the terms, and in force only from then; a
 * wrong code accepts nothing, and once accepted it is no longer pending.
 */
class GrantInvitationsIT extends AccessSupport {

    @Autowired
    GrantInvitations grantInvitations;

    @Test
    void theInviteeSeesTheInvitationAndAcceptsItWithTheirCodeAndTheTerms() {
        var owner = patient();
        var grantee = patient();
        UUID id = invite(owner, grantee, "VIEW");

        assertThat(grantInvitations.invitations(grantee.user()))
                .extracting(GrantView::id)
                .contains(id);
        assertThat(grantInvitations.invitation(grantee.user(), id).status()).isEqualTo(GrantStatus.INVITED);
        grantInvitations.sendAcceptanceCode(grantee.user(), id, Locale.ENGLISH);
        String code = Outbox.latestCode(outbox, grantee.phone());
        assertThatThrownBy(() -> grantInvitations.accept(grantee.user(), id, code, false, Locale.ENGLISH))
                .isInstanceOf(InvalidInput.class);

        var accepted = grantInvitations.accept(grantee.user(), id, code, true, Locale.ENGLISH);

        assertThat(accepted.status()).isEqualTo(GrantStatus.ACTIVE);
        assertThat(accepted.granteeUserId()).isEqualTo(grantee.user().userId());
        assertThat(access.require(grantee.user(), owner.patient(), RecordAction.VIEW)
                        .relation())
                .isEqualTo(Relation.GRANTEE);
        assertThatThrownBy(() -> grantInvitations.sendAcceptanceCode(grantee.user(), id, Locale.ENGLISH))
                .isInstanceOf(AccessRefusal.class);
    }

    @Test
    void anyoneElseIsToldTheInvitationIsNotThereAndAWrongCodeAcceptsNothing() {
        var owner = patient();
        var grantee = patient();
        var stranger = patient();
        UUID id = invite(owner, grantee, "VIEW");

        assertThatThrownBy(() -> grantInvitations.invitation(stranger.user(), id))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> grantInvitations.invitation(owner.user(), id)).isInstanceOf(NotFound.class);
        assertThat(grantInvitations.invitations(stranger.user()))
                .extracting(GrantView::id)
                .doesNotContain(id);
        assertThatThrownBy(() -> grantInvitations.sendAcceptanceCode(stranger.user(), id, Locale.ENGLISH))
                .isInstanceOf(NotFound.class);

        grantInvitations.sendAcceptanceCode(grantee.user(), id, Locale.ENGLISH);
        String code = Outbox.latestCode(outbox, grantee.phone());
        String wrong = code.equals("000000") ? "000001" : "000000";
        assertThatThrownBy(() -> grantInvitations.accept(grantee.user(), id, wrong, true, Locale.ENGLISH))
                .isInstanceOf(InvalidInput.class);
        assertThat(grantInvitations.invitation(grantee.user(), id).status()).isEqualTo(GrantStatus.INVITED);
        assertThatThrownBy(() -> access.require(grantee.user(), owner.patient(), RecordAction.VIEW))
                .isInstanceOf(NotFound.class);
    }

    /** The owner starts a grant and confirms it with their code: the invitation. */
    private UUID invite(Person owner, Person grantee, String level) {
        var started = postAs(
                owner.token(),
                "/api/v1/patients/" + owner.id() + "/grants",
                map("granteePhone", grantee.phone(), "level", level));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String id = body(started).get("id").asString();
        var confirmed = postAs(
                owner.token(),
                "/api/v1/grants/" + id + "/confirm",
                map("code", Outbox.latestCode(outbox, owner.phone())));
        assertThat(body(confirmed).get("status").asString()).isEqualTo("INVITED");
        return UUID.fromString(id);
    }
}
