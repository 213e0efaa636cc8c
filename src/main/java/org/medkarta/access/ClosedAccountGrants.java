package org.medkarta.access;

import org.medkarta.identity.AccountClosed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends, when a patient closes their account (SPEC A9), every grant they gave on their record or
 * hold on someone else's, whatever its state, and their representation of children: in the closing
 * transaction, so the next request already finds none. The rows stay, revoked by the patient at the
 * closure, as the history of who could see what; so do record bindings, which a closed account can
 * no longer use.
 */
@Component
class ClosedAccountGrants {

    private final JdbcClient jdbc;

    ClosedAccountGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AccountClosed closed) {
        jdbc.sql("""
                        UPDATE access_grant SET status = 'REVOKED', revoked_at = :now, revoked_by = :user
                        WHERE status <> 'REVOKED'
                          AND (patient_id = :patient OR granted_by = :user OR grantee_user_id = :user)
                        """)
                .param("now", org.medkarta.shared.Columns.utc(closed.at()))
                .param("user", closed.user().value())
                .param("patient", closed.patient().value())
                .update();
        jdbc.sql("DELETE FROM access_code WHERE user_id = :user")
                .param("user", closed.user().value())
                .update();
        jdbc.sql("UPDATE access_guardianship SET ended_at = :now WHERE parent_user_id = :user AND ended_at IS NULL")
                .param("now", org.medkarta.shared.Columns.utc(closed.at()))
                .param("user", closed.user().value())
                .update();
    }
}
