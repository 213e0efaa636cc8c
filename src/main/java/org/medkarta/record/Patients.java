package org.medkarta.record;

import static org.medkarta.shared.Columns.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.access.IdentityDocument;
import org.medkarta.access.IdentityDocumentType;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The patients' own data in the record (E1) and every change of it. */
@Repository
class Patients {

    record Row(
            PatientId id,
            String lastName,
            String firstName,
            String patronymic,
            LocalDate birthDate,
            String sex,
            String actualAddress,
            String registrationAddress,
            IdentityDocument document) {}

    record ContactRow(UUID id, String kind, String contact, Instant addedAt) {}

    record Change(String field, String oldValue, String newValue, String reason, String authorName, Instant at) {}

    private final JdbcClient jdbc;

    Patients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens a record once; a second open of the same patient (a redelivered event, a race) does nothing. */
    void openIfAbsent(
            PatientId patient, String lastName, String firstName, String patronymic, LocalDate birthDate, Instant at) {
        jdbc.sql("""
                        INSERT INTO record_patient (patient_id, last_name, first_name, patronymic, birth_date,
                                                    created_at, updated_at)
                        VALUES (:id, :last, :first, :patronymic, :birth, :at, :at)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", patient.value())
                .param("last", lastName)
                .param("first", firstName)
                .param("patronymic", patronymic)
                .param("birth", birthDate)
                .param("at", utc(at))
                .update();
    }

    Optional<Row> find(PatientId patient) {
        return jdbc.sql("SELECT * FROM record_patient WHERE patient_id = :id")
                .param("id", patient.value())
                .query((rs, n) -> new Row(
                        new PatientId(rs.getObject("patient_id", UUID.class)),
                        rs.getString("last_name"),
                        rs.getString("first_name"),
                        rs.getString("patronymic"),
                        rs.getObject("birth_date", LocalDate.class),
                        rs.getString("sex"),
                        rs.getString("actual_address"),
                        rs.getString("registration_address"),
                        rs.getString("document_type") == null
                                ? null
                                : new IdentityDocument(
                                        IdentityDocumentType.valueOf(rs.getString("document_type")),
                                        rs.getString("document_series"),
                                        rs.getString("document_number"),
                                        rs.getObject("document_issued_on", LocalDate.class),
                                        rs.getString("document_issuer"))))
                .optional();
    }

    /** Replaces the patient's identity document, the change recorded beside it as one line. */
    void changeDocument(
            PatientId patient,
            IdentityDocument document,
            String oldText,
            String reason,
            UserId author,
            String authorName,
            Instant at) {
        jdbc.sql("""
                        UPDATE record_patient
                        SET document_type = :type, document_series = :series, document_number = :number,
                            document_issued_on = :issuedOn, document_issuer = :issuer, updated_at = :at
                        WHERE patient_id = :id
                        """)
                .param("type", document.type().name())
                .param("series", document.series())
                .param("number", document.number())
                .param("issuedOn", document.issuedOn())
                .param("issuer", document.issuer())
                .param("at", utc(at))
                .param("id", patient.value())
                .update();
        logChange(patient, "IDENTITY_DOCUMENT", oldText, text(document), reason, author, authorName, at);
    }

    /** «RF_PASSPORT 45 06 № 123456, 2020-05-01, ГУ МВД России по г. Москве»: a change log's line. */
    static String text(IdentityDocument document) {
        return document == null
                ? null
                : document.type().name() + " " + document.written() + ", " + document.issuedOn() + ", "
                        + document.issuer();
    }

    /** Sets one column of the patient's data and records the change beside it. */
    void change(
            PatientId patient,
            String field,
            String column,
            Object value,
            String oldText,
            String newText,
            String reason,
            UserId author,
            String authorName,
            Instant at) {
        jdbc.sql("UPDATE record_patient SET " + column + " = :value, updated_at = :at WHERE patient_id = :id")
                .param("value", value)
                .param("at", utc(at))
                .param("id", patient.value())
                .update();
        logChange(patient, field, oldText, newText, reason, author, authorName, at);
    }

    void logChange(
            PatientId patient,
            String field,
            String oldText,
            String newText,
            String reason,
            UserId author,
            String authorName,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO record_patient_change (id, patient_id, field, old_value, new_value, reason,
                                                           author_id, author_name, at)
                        VALUES (:id, :patient, :field, :old, :new, :reason, :author, :name, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("patient", patient.value())
                .param("field", field)
                .param("old", oldText)
                .param("new", newText)
                .param("reason", reason)
                .param("author", author.value())
                .param("name", authorName)
                .param("at", utc(at))
                .update();
    }

    List<Change> changes(PatientId patient) {
        return jdbc.sql("SELECT * FROM record_patient_change WHERE patient_id = :id ORDER BY at DESC, field")
                .param("id", patient.value())
                .query((rs, n) -> new Change(
                        rs.getString("field"),
                        rs.getString("old_value"),
                        rs.getString("new_value"),
                        rs.getString("reason"),
                        rs.getString("author_name"),
                        org.medkarta.shared.Columns.instant(rs, "at")))
                .list();
    }

    List<ContactRow> contacts(PatientId patient) {
        return jdbc.sql("""
                        SELECT id, kind, contact, added_at FROM record_contact
                        WHERE patient_id = :id AND removed_at IS NULL ORDER BY added_at
                        """)
                .param("id", patient.value())
                .query((rs, n) -> new ContactRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("contact"),
                        org.medkarta.shared.Columns.instant(rs, "added_at")))
                .list();
    }

    void addContact(PatientId patient, String kind, String contact, Instant at) {
        jdbc.sql("""
                        INSERT INTO record_contact (id, patient_id, kind, contact, added_at)
                        VALUES (:id, :patient, :kind, :contact, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("patient", patient.value())
                .param("kind", kind)
                .param("contact", contact)
                .param("at", utc(at))
                .update();
    }

    /** Marks a contact removed; the row stays, so the change can be traced. */
    Optional<String> removeContact(PatientId patient, UUID contact, Instant at) {
        var text = jdbc.sql(
                        "SELECT contact FROM record_contact WHERE id = :id AND patient_id = :patient AND removed_at IS NULL")
                .param("id", contact)
                .param("patient", patient.value())
                .query(String.class)
                .optional();
        text.ifPresent(ignored -> jdbc.sql("UPDATE record_contact SET removed_at = :at WHERE id = :id")
                .param("at", utc(at))
                .param("id", contact)
                .update());
        return text;
    }
}
