package org.medkarta.clinic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The support queue (SPEC B7). */
@Repository
class SupportRequests {

    private static final String SELECT = "SELECT id, kind, clinic_id, user_id, name, email, phone, topic, text,"
            + " preferred_time, state, reply, created_at, updated_at FROM clinic_support_request";

    private final JdbcClient jdbc;

    SupportRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SupportRequestView request) {
        jdbc.sql("""
                        INSERT INTO clinic_support_request (id, kind, clinic_id, user_id, name, email, phone, topic, text,
                                                            preferred_time, state, created_at, updated_at)
                        VALUES (:id, :kind, :clinic, :user, :name, :email, :phone, :topic, :text, :preferred,
                                'NEW', :now, :now)
                        """)
                .param("id", request.id())
                .param("kind", request.kind().name())
                .param(
                        "clinic",
                        request.clinicId() == null ? null : request.clinicId().value())
                .param(
                        "user",
                        request.userId() == null ? null : request.userId().value())
                .param("name", request.name())
                .param("email", request.email())
                .param("phone", request.phone())
                .param("topic", request.topic())
                .param("text", request.text())
                .param("preferred", request.preferredTime())
                .param("now", Columns.utc(request.createdAt()))
                .update();
    }

    Optional<SupportRequestView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(SupportRequests::view)
                .optional();
    }

    /** The whole queue, or (when {@code clinics} is given) the requests about those clinics; oldest first. */
    List<SupportRequestView> queue(SupportState state, Collection<UUID> clinics) {
        String where = state == null ? " WHERE 1 = 1" : " WHERE state = :state";
        if (clinics != null) {
            if (clinics.isEmpty()) {
                return List.of();
            }
            where += " AND clinic_id IN (:clinics)";
        }
        var query = jdbc.sql(SELECT + where + " ORDER BY created_at, id LIMIT 500");
        if (state != null) {
            query = query.param("state", state.name());
        }
        if (clinics != null) {
            query = query.param("clinics", clinics);
        }
        return query.query(SupportRequests::view).list();
    }

    void update(UUID id, SupportState state, String reply, UserId by, Instant now) {
        jdbc.sql("""
                        UPDATE clinic_support_request SET state = :state, reply = COALESCE(:reply, reply),
                               handled_by = :by, updated_at = :now
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("state", state.name())
                .param("reply", reply)
                .param("by", by.value())
                .param("now", Columns.utc(now))
                .update();
    }

    private static SupportRequestView view(ResultSet row, int number) throws SQLException {
        UUID clinic = Columns.uuid(row, "clinic_id");
        UUID user = Columns.uuid(row, "user_id");
        return new SupportRequestView(
                Columns.uuid(row, "id"),
                SupportKind.valueOf(row.getString("kind")),
                clinic == null ? null : new ClinicId(clinic),
                user == null ? null : new UserId(user),
                row.getString("name"),
                row.getString("email"),
                row.getString("phone"),
                row.getString("topic"),
                row.getString("text"),
                row.getString("preferred_time"),
                SupportState.valueOf(row.getString("state")),
                row.getString("reply"),
                Columns.instant(row, "created_at"),
                Columns.instant(row, "updated_at"));
    }
}
