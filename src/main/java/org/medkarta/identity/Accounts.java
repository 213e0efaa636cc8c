package org.medkarta.identity;

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

/** The accounts table and its roles. */
@Repository
class Accounts {

    private static final String COLUMNS = """
            id, patient_id, status, last_name, first_name, patronymic, birth_date, phone, email,
            email_confirmed_at, snils, password_hash, failed_passwords, locked_at, totp_secret,
            totp_enabled, totp_last_step
            """;

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new account; the unique constraints on phone, e-mail and SNILS refuse a second one. */
    void insert(
            UserId id,
            PatientId patientId,
            Account.Status status,
            String lastName,
            String firstName,
            String patronymic,
            LocalDate birthDate,
            String phone,
            String email,
            String snils,
            Instant now) {
        jdbc.sql("""
                        INSERT INTO identity_account (id, patient_id, status, last_name, first_name, patronymic,
                            birth_date, phone, email, snils, created_at)
                        VALUES (:id, :patientId, :status, :lastName, :firstName, :patronymic, :birthDate, :phone,
                            :email, :snils, :now)
                        """)
                .param("id", id.value())
                .param("patientId", patientId == null ? null : patientId.value())
                .param("status", status.name())
                .param("lastName", lastName)
                .param("firstName", firstName)
                .param("patronymic", patronymic)
                .param("birthDate", birthDate)
                .param("phone", phone)
                .param("email", email)
                .param("snils", snils)
                .param("now", Columns.utc(now))
                .update();
    }

    void acceptTerms(UserId id, String version, Instant at, String address) {
        jdbc.sql("""
                        UPDATE identity_account SET terms_version = :version, terms_accepted_at = :at,
                            terms_accepted_from = :address WHERE id = :id
                        """)
                .param("version", version)
                .param("at", Columns.utc(at))
                .param("address", address)
                .param("id", id.value())
                .update();
    }

    void grant(UserId id, Role role, ClinicId clinic) {
        jdbc.sql("INSERT INTO identity_role (id, account_id, role, clinic_id) VALUES (:id, :account, :role, :clinic)")
                .param("id", UUID.randomUUID())
                .param("account", id.value())
                .param("role", role.name())
                .param("clinic", clinic == null ? null : clinic.value())
                .update();
    }

    Optional<Account> byId(UserId id) {
        return one("id = :value", id.value());
    }

    /** The account, locked for this transaction so that counters change one attempt at a time. */
    Optional<Account> lockedById(UserId id) {
        return withRoles(jdbc.sql("SELECT " + COLUMNS + " FROM identity_account WHERE id = :value FOR UPDATE")
                .param("value", id.value())
                .query(this::account)
                .optional());
    }

    Optional<Account> byPatient(PatientId patient) {
        return one("patient_id = :value", patient.value());
    }

    Optional<Account> byPhone(String e164) {
        return one("phone = :value", e164);
    }

    Optional<Account> byEmail(String email) {
        return one("email = :value", email);
    }

    Optional<Account> bySnils(String snils) {
        return one("snils = :value", snils);
    }

    void setSnils(PatientId patient, String snils) {
        jdbc.sql("UPDATE identity_account SET snils = :snils WHERE patient_id = :patient")
                .param("snils", snils)
                .param("patient", patient.value())
                .update();
    }

    void setSnils(UserId account, String snils) {
        jdbc.sql("UPDATE identity_account SET snils = :snils WHERE id = :id")
                .param("snils", snils)
                .param("id", account.value())
                .update();
    }

    /** The phone the person takes calls to patients on (SPEC D6), if they gave one. */
    Optional<String> callPhone(UserId account) {
        return jdbc.sql("SELECT call_phone FROM identity_account WHERE id = :id")
                .param("id", account.value())
                .query((row, n) -> Optional.ofNullable(row.getString("call_phone")))
                .optional()
                .flatMap(phone -> phone);
    }

    void setCallPhone(UserId account, String e164) {
        jdbc.sql("UPDATE identity_account SET call_phone = :phone WHERE id = :id")
                .param("phone", e164)
                .param("id", account.value())
                .update();
    }

    Optional<Account> byEsiaSubject(String subject) {
        return one("esia_subject = :value", subject);
    }

    void assignPhone(UserId account, String e164) {
        jdbc.sql("UPDATE identity_account SET phone = :phone WHERE id = :id")
                .param("phone", e164)
                .param("id", account.value())
                .update();
    }

    boolean phoneTaken(String e164) {
        return exists("phone", e164);
    }

    boolean emailTaken(String email) {
        return exists("email", email);
    }

    void confirmEmail(UserId id, Instant at) {
        update(
                "UPDATE identity_account SET email_confirmed_at = :at WHERE id = :id AND email_confirmed_at IS NULL",
                id,
                at);
    }

    void passwordFailed(UserId id, int failed, Instant lockedAt) {
        jdbc.sql("UPDATE identity_account SET failed_passwords = :failed, locked_at = :lockedAt WHERE id = :id")
                .param("failed", failed)
                .param("lockedAt", Columns.utc(lockedAt))
                .param("id", id.value())
                .update();
    }

    void setPassword(UserId id, String hash) {
        jdbc.sql("""
                        UPDATE identity_account SET password_hash = :hash, failed_passwords = 0, locked_at = NULL,
                            status = CASE WHEN status = 'INVITED' THEN 'ACTIVE' ELSE status END
                        WHERE id = :id
                        """).param("hash", hash).param("id", id.value()).update();
    }

    void totp(UserId id, String secret, boolean enabled, Long lastStep) {
        jdbc.sql("""
                        UPDATE identity_account SET totp_secret = :secret, totp_enabled = :enabled,
                            totp_last_step = :lastStep WHERE id = :id
                        """)
                .param("secret", secret)
                .param("enabled", enabled)
                .param("lastStep", lastStep)
                .param("id", id.value())
                .update();
    }

    void linkEsia(UserId id, String subject, String snils) {
        jdbc.sql("UPDATE identity_account SET esia_subject = :subject, snils = COALESCE(snils, :snils) WHERE id = :id")
                .param("subject", subject)
                .param("snils", snils)
                .param("id", id.value())
                .update();
    }

    void requireTotp(ClinicId clinic, boolean required) {
        int updated = jdbc.sql("UPDATE identity_clinic_policy SET totp_required = :required WHERE clinic_id = :clinic")
                .param("required", required)
                .param("clinic", clinic.value())
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO identity_clinic_policy (clinic_id, totp_required) VALUES (:clinic, :required) ON CONFLICT DO NOTHING")
                    .param("clinic", clinic.value())
                    .param("required", required)
                    .update();
        }
    }

    boolean totpRequired(ClinicId clinic) {
        return jdbc.sql("SELECT totp_required FROM identity_clinic_policy WHERE clinic_id = :clinic")
                .param("clinic", clinic.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    List<RoleGrant> rolesOf(UUID account) {
        return jdbc.sql("SELECT role, clinic_id FROM identity_role WHERE account_id = :id ORDER BY role")
                .param("id", account)
                .query((row, number) -> new RoleGrant(
                        Role.valueOf(row.getString("role")),
                        row.getObject("clinic_id", UUID.class) == null
                                ? null
                                : new ClinicId(row.getObject("clinic_id", UUID.class))))
                .list();
    }

    private Optional<Account> one(String condition, Object value) {
        return withRoles(jdbc.sql("SELECT " + COLUMNS + " FROM identity_account WHERE " + condition)
                .param("value", value)
                .query(this::account)
                .optional());
    }

    /**
     * Roles are read after the account row, never inside its row mapper: outside a transaction a
     * nested query would hold a second pooled connection, and under load the pool runs dry.
     */
    private Optional<Account> withRoles(Optional<Account> account) {
        return account.map(found -> found.withRoles(rolesOf(found.id().value())));
    }

    private boolean exists(String column, String value) {
        return jdbc.sql("SELECT count(*) FROM identity_account WHERE " + column + " = :value")
                        .param("value", value)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private void update(String sql, UserId id, Instant at) {
        jdbc.sql(sql).param("at", Columns.utc(at)).param("id", id.value()).update();
    }

    private Account account(ResultSet row, int number) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        UUID patient = row.getObject("patient_id", UUID.class);
        Long lastStep = row.getObject("totp_last_step", Long.class);
        return new Account(
                new UserId(id),
                patient == null ? null : new PatientId(patient),
                Account.Status.valueOf(row.getString("status")),
                row.getString("last_name"),
                row.getString("first_name"),
                row.getString("patronymic"),
                row.getObject("birth_date", LocalDate.class),
                row.getString("phone"),
                row.getString("email"),
                Columns.instant(row, "email_confirmed_at"),
                row.getString("snils"),
                row.getString("password_hash"),
                row.getInt("failed_passwords"),
                Columns.instant(row, "locked_at"),
                row.getString("totp_secret"),
                row.getBoolean("totp_enabled"),
                lastStep,
                List.of());
    }

    /**
     * Marks an account closed (SPEC A9) and moves its phone, e-mail, SNILS and ESIA subject aside, so
     * that a new registration may take them; the row, its record id and the moved contacts stay.
     */
    void close(UserId id, Instant at, java.time.LocalDate retainUntil) {
        jdbc.sql("""
                        UPDATE identity_account SET status = 'CLOSED', closed_at = :at, retain_until = :until,
                            closed_phone = phone, closed_email = email, closed_snils = snils,
                            phone = NULL, email = NULL, snils = NULL, esia_subject = NULL, password_hash = NULL
                        WHERE id = :id AND status = 'ACTIVE'
                        """)
                .param("at", Columns.utc(at))
                .param("until", retainUntil)
                .param("id", id.value())
                .update();
    }

    /** Whether the account with this id is closed; checked on every use of an access token. */
    boolean closed(UUID id) {
        return jdbc.sql("SELECT count(*) FROM identity_account WHERE id = :id AND status = 'CLOSED'")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Where to reach the person, in one light query: the phone and the confirmed e-mail. */
    Optional<org.medkarta.notification.Contact> contact(UserId user) {
        return jdbc.sql("""
                        SELECT COALESCE(phone, contact_phone) AS phone, email, email_confirmed_at
                        FROM identity_account WHERE id = :id
                        """)
                .param("id", user.value())
                .query((row, number) -> new org.medkarta.notification.Contact(
                        row.getString("phone"),
                        row.getObject("email_confirmed_at") == null ? null : row.getString("email")))
                .optional();
    }

    /**
     * The patient records reached by a phone: the one signing in with it, any with it as contact
     * phone, and those of closed accounts that signed in with it, which staff still reach.
     */
    List<UUID> patientsByPhone(String e164) {
        return jdbc.sql("""
                        SELECT patient_id FROM identity_account
                        WHERE patient_id IS NOT NULL
                          AND (phone = :phone OR contact_phone = :phone OR closed_phone = :phone)
                        """).param("phone", e164).query(UUID.class).list();
    }

    List<UUID> patientsBySnils(String snils) {
        return jdbc.sql("""
                        SELECT patient_id FROM identity_account
                        WHERE patient_id IS NOT NULL AND (snils = :snils OR closed_snils = :snils)
                        """).param("snils", snils).query(UUID.class).list();
    }

    /** Patients' records with exactly this name and birth date (a candidate match, SPEC E7). */
    List<UUID> patientsByNameAndBirthDate(String lastName, String firstName, java.time.LocalDate birthDate) {
        return jdbc.sql("""
                        SELECT patient_id FROM identity_account
                        WHERE patient_id IS NOT NULL AND LOWER(last_name) = LOWER(:last)
                          AND LOWER(first_name) = LOWER(:first) AND birth_date = :born
                        """)
                .param("last", lastName)
                .param("first", firstName)
                .param("born", birthDate)
                .query(UUID.class)
                .list();
    }

    /** What staff enter beyond a registration: the sex and the contact phone. */
    void recordDetails(UserId id, Sex sex, String contactPhone) {
        jdbc.sql("UPDATE identity_account SET sex = :sex, contact_phone = :phone WHERE id = :id")
                .param("sex", sex == null ? null : sex.name())
                .param("phone", contactPhone)
                .param("id", id.value())
                .update();
    }

    /** The records as cards, without their policies, in the order of the ids given. */
    List<PatientCard> cards(java.util.Collection<UUID> patients) {
        if (patients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, patient_id, last_name, first_name, patronymic, birth_date, sex, phone, contact_phone,
                            snils, email
                        FROM identity_account WHERE patient_id IN (:patients)
                        ORDER BY last_name, first_name, birth_date, id
                        """)
                .param("patients", patients)
                .query((row, number) -> {
                    String sex = row.getString("sex");
                    String phone = row.getString("phone");
                    return new PatientCard(
                            new UserId(Columns.uuid(row, "id")),
                            new PatientId(Columns.uuid(row, "patient_id")),
                            row.getString("last_name"),
                            row.getString("first_name"),
                            row.getString("patronymic"),
                            row.getObject("birth_date", LocalDate.class),
                            sex == null ? null : Sex.valueOf(sex),
                            phone != null ? phone : row.getString("contact_phone"),
                            row.getString("snils"),
                            phone != null || row.getString("email") != null,
                            List.of(),
                            row.getObject("birth_date", LocalDate.class) == null
                                    ? null
                                    : row.getObject("birth_date", LocalDate.class)
                                            .getYear(),
                            false);
                })
                .list();
    }
}
