package org.medkarta.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record-access requests, their scans, the bindings approvals made and each clinic's choice of
 * automatic approval (SPEC E0). A state changes by one conditional update, so of two desks acting on
 * one request at once only one succeeds.
 */
@Repository
class RecordRequestStore {

    /** A request row, without the clinic's name and the scans' descriptions. */
    record Row(
            UUID id,
            UserId account,
            boolean forChild,
            ClinicId clinic,
            RecordRequestState state,
            String lastName,
            String firstName,
            String patronymic,
            LocalDate birthDate,
            IdentityDocumentType documentType,
            String documentSeries,
            String documentNumber,
            LocalDate documentIssuedOn,
            String documentIssuer,
            String omsNumber,
            String snils,
            Instant submittedAt,
            Instant takenAt,
            Instant decidedAt,
            boolean autoApproved,
            PatientId boundPatient,
            String refusalReason) {}

    /** A scan row: which file, of what kind. */
    record ScanRow(UUID id, UUID request, RecordRequestScan.Subject kind, UUID file) {}

    private final JdbcClient jdbc;

    RecordRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new open request; the unique key refuses a second open one for the same account, person and clinic. */
    void insert(Row row) {
        jdbc.sql("""
                        INSERT INTO access_record_request (id, account_id, for_child, clinic_id, state, open_flag,
                            last_name, first_name, patronymic, birth_date, document_type, document_series,
                            document_number, document_issued_on, document_issuer, oms_number, snils, submitted_at)
                        VALUES (:id, :account, :forChild, :clinic, 'SUBMITTED', TRUE, :lastName, :firstName,
                            :patronymic, :birthDate, :documentType, :documentSeries, :documentNumber,
                            :documentIssuedOn, :documentIssuer, :omsNumber, :snils, :submittedAt)
                        """)
                .param("id", row.id())
                .param("account", row.account().value())
                .param("forChild", row.forChild())
                .param("clinic", row.clinic().value())
                .param("lastName", row.lastName())
                .param("firstName", row.firstName())
                .param("patronymic", row.patronymic())
                .param("birthDate", row.birthDate())
                .param("documentType", row.documentType().name())
                .param("documentSeries", row.documentSeries())
                .param("documentNumber", row.documentNumber())
                .param("documentIssuedOn", row.documentIssuedOn())
                .param("documentIssuer", row.documentIssuer())
                .param("omsNumber", row.omsNumber())
                .param("snils", row.snils())
                .param("submittedAt", Columns.utc(row.submittedAt()))
                .update();
    }

    void insertScan(UUID request, RecordRequestScan.Subject kind, UUID file, int position) {
        jdbc.sql("""
                        INSERT INTO access_record_request_scan (id, request_id, kind, file_id, position)
                        VALUES (:id, :request, :kind, :file, :position)
                        """)
                .param("id", UUID.randomUUID())
                .param("request", request)
                .param("kind", kind.name())
                .param("file", file)
                .param("position", position)
                .update();
    }

    /** Whether an open request of this account for this person (SNILS) to this clinic exists. */
    boolean openExists(UserId account, ClinicId clinic, String snils) {
        return jdbc.sql("""
                                SELECT COUNT(*) FROM access_record_request
                                WHERE account_id = :account AND clinic_id = :clinic AND snils = :snils
                                  AND open_flag = TRUE
                                """)
                        .param("account", account.value())
                        .param("clinic", clinic.value())
                        .param("snils", snils)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT * FROM access_record_request WHERE id = :id")
                .param("id", id)
                .query(RecordRequestStore::row)
                .optional();
    }

    List<Row> ofAccount(UserId account) {
        return jdbc.sql(
                        "SELECT * FROM access_record_request WHERE account_id = :account ORDER BY submitted_at DESC, id")
                .param("account", account.value())
                .query(RecordRequestStore::row)
                .list();
    }

    /** A clinic's queue, oldest first (the order they are worked in); every state when {@code state} is null. */
    List<Row> ofClinic(ClinicId clinic, RecordRequestState state) {
        return jdbc.sql("""
                        SELECT * FROM access_record_request
                        WHERE clinic_id = :clinic AND (CAST(:state AS VARCHAR(16)) IS NULL OR state = :state)
                        ORDER BY submitted_at, id
                        """)
                .param("clinic", clinic.value())
                .param("state", state == null ? null : state.name())
                .query(RecordRequestStore::row)
                .list();
    }

    List<ScanRow> scans(UUID request) {
        return jdbc.sql("SELECT * FROM access_record_request_scan WHERE request_id = :request ORDER BY position")
                .param("request", request)
                .query((row, n) -> new ScanRow(
                        Columns.uuid(row, "id"),
                        Columns.uuid(row, "request_id"),
                        RecordRequestScan.Subject.valueOf(row.getString("kind")),
                        Columns.uuid(row, "file_id")))
                .list();
    }

    /** SUBMITTED → IN_WORK; false when the request was not submitted any more. */
    boolean take(UUID id, UserId by, Instant at) {
        return jdbc.sql("""
                                UPDATE access_record_request SET state = 'IN_WORK', taken_by = :by, taken_at = :at
                                WHERE id = :id AND state = 'SUBMITTED'
                                """)
                        .param("id", id)
                        .param("by", by.value())
                        .param("at", Columns.utc(at))
                        .update()
                == 1;
    }

    /** {@code from} → APPROVED, bound to {@code patient}; false when the request was not in {@code from}. */
    boolean approve(UUID id, RecordRequestState from, UserId by, PatientId patient, boolean automatic, Instant at) {
        return jdbc.sql("""
                                UPDATE access_record_request SET state = 'APPROVED', open_flag = NULL, decided_by = :by,
                                    decided_at = :at, bound_patient_id = :patient, auto_approved = :automatic
                                WHERE id = :id AND state = :from
                                """)
                        .param("id", id)
                        .param("from", from.name())
                        .param("by", by.value())
                        .param("at", Columns.utc(at))
                        .param("patient", patient.value())
                        .param("automatic", automatic)
                        .update()
                == 1;
    }

    /** IN_WORK → REFUSED with the reason; false when the request was not in work. */
    boolean refuse(UUID id, UserId by, String reason, Instant at) {
        return jdbc.sql("""
                                UPDATE access_record_request SET state = 'REFUSED', open_flag = NULL, decided_by = :by,
                                    decided_at = :at, refusal_reason = :reason
                                WHERE id = :id AND state = 'IN_WORK'
                                """)
                        .param("id", id)
                        .param("by", by.value())
                        .param("at", Columns.utc(at))
                        .param("reason", reason)
                        .update()
                == 1;
    }

    /** Binds an account to a record as its own; nothing when bound already. */
    void bind(UserId account, PatientId patient, UUID request, Instant at) {
        jdbc.sql("""
                        INSERT INTO access_record_binding (account_id, patient_id, request_id, bound_at)
                        VALUES (:account, :patient, :request, :at) ON CONFLICT DO NOTHING
                        """)
                .param("account", account.value())
                .param("patient", patient.value())
                .param("request", request)
                .param("at", Columns.utc(at))
                .update();
    }

    boolean bound(UserId account, PatientId patient) {
        return jdbc.sql("""
                                SELECT COUNT(*) FROM access_record_binding
                                WHERE account_id = :account AND patient_id = :patient
                                """)
                        .param("account", account.value())
                        .param("patient", patient.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<PatientId> boundRecords(UserId account) {
        return jdbc.sql("SELECT patient_id FROM access_record_binding WHERE account_id = :account ORDER BY bound_at")
                .param("account", account.value())
                .query((row, n) -> new PatientId(Columns.uuid(row, "patient_id")))
                .list();
    }

    boolean autoApproves(ClinicId clinic) {
        return jdbc.sql("SELECT auto_approve FROM access_record_request_setting WHERE clinic_id = :clinic")
                .param("clinic", clinic.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void setAutoApproval(ClinicId clinic, boolean on, UserId by, Instant at) {
        int updated = jdbc.sql("""
                        UPDATE access_record_request_setting SET auto_approve = :on, changed_by = :by, changed_at = :at
                        WHERE clinic_id = :clinic
                        """)
                .param("clinic", clinic.value())
                .param("on", on)
                .param("by", by.value())
                .param("at", Columns.utc(at))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO access_record_request_setting (clinic_id, auto_approve, changed_by, changed_at)
                            VALUES (:clinic, :on, :by, :at) ON CONFLICT DO NOTHING
                            """)
                    .param("clinic", clinic.value())
                    .param("on", on)
                    .param("by", by.value())
                    .param("at", Columns.utc(at))
                    .update();
        }
    }

    private static Row row(ResultSet row, int number) throws SQLException {
        UUID bound = row.getObject("bound_patient_id", UUID.class);
        return new Row(
                Columns.uuid(row, "id"),
                new UserId(Columns.uuid(row, "account_id")),
                row.getBoolean("for_child"),
                new ClinicId(Columns.uuid(row, "clinic_id")),
                RecordRequestState.valueOf(row.getString("state")),
                row.getString("last_name"),
                row.getString("first_name"),
                row.getString("patronymic"),
                row.getObject("birth_date", LocalDate.class),
                IdentityDocumentType.valueOf(row.getString("document_type")),
                row.getString("document_series"),
                row.getString("document_number"),
                row.getObject("document_issued_on", LocalDate.class),
                row.getString("document_issuer"),
                row.getString("oms_number"),
                row.getString("snils"),
                Columns.instant(row, "submitted_at"),
                Columns.instant(row, "taken_at"),
                Columns.instant(row, "decided_at"),
                row.getBoolean("auto_approved"),
                bound == null ? null : new PatientId(bound),
                row.getString("refusal_reason"));
    }
}
