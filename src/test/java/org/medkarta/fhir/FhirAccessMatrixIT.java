package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.DoctorView;
import org.medkarta.files.Samples;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.DevOutbox;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.PatientReferrals;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.Delegations;
import org.medkarta.testing.Identifiers;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access matrix of issue 7 extended to {@code /fhir} (issue 14): every patient-compartment type ×
 * the roles of {@code AccessMatrixIT} × three owners (an adult, a child under 15, a child of 15): a
 * read of one resource of each kind and its search by patient, plain, with {@code _count=0} and with
 * {@code _total=accurate} (strict: 400; lenient: ignored); chained, {@code _has} and {@code _include}
 * parameters besides. A role the rules do not admit reads 404 (403 where the REST API tells someone
 * who may read the record that they may not manage it) and searches an empty Bundle that names
 * nothing of the owner; anonymous callers get 401; each request that reaches the access checks
 * leaves exactly one entry about the owner in the audit trail, except the cases {@link #audit} names
 * as findings.
 *
 * <p>The expectations are written out in {@link #expected} and {@link #refusedRead}, from the rules
 * the REST API and the FHIR tests of each type assert, not computed by the code under test. The data
 * are made through the real APIs and facades, once, in one Spring context.
 */
class FhirAccessMatrixIT extends FhirSupport {

    enum Who {
        ANONYMOUS,
        SELF,
        OTHER_PATIENT,
        VIEW_GRANTEE,
        VIEW_DOWNLOAD_GRANTEE,
        FULL_GRANTEE,
        REVOKED_GRANTEE,
        PARENT_OF_CHILD_UNDER_15,
        PARENT_OF_15_YEAR_OLD,
        DOCTOR_IN_CARE,
        DOCTOR_WITHOUT_CARE,
        ADMIN_OF_ANOTHER_CLINIC,
        REGISTRAR_OF_CARING_CLINIC
    }

    enum Owner {
        ADULT,
        CHILD_UNDER_15,
        /** Registered by the parent while 14; at 15 the record is their own (seed 001). */
        CHILD_OF_15
    }

    /** One resource of the owner's compartment: its FHIR type and how a search by patient names them. */
    enum Kind {
        PATIENT("Patient", "_id"),
        LAB("Observation", "patient"),
        VITAL_SIGN("Observation", "patient"),
        REPORT("DiagnosticReport", "patient"),
        DOCUMENT("DocumentReference", "patient"),
        PRESCRIPTION("MedicationRequest", "patient"),
        VACCINATION("Immunization", "patient"),
        POLICY("Coverage", "patient"),
        GRANT("Consent", "patient"),
        ACCEPTANCE("Consent", "patient"),
        REFERRAL("ServiceRequest", "patient"),
        ACCESS_LOG("AuditEvent", "patient"),
        APPOINTMENT("Appointment", "patient"),
        ENCOUNTER("Encounter", "patient"),
        CONDITION("Condition", "patient"),
        PROCEDURE("Procedure", "patient"),
        ALLERGY("AllergyIntolerance", "patient");

        final String type;
        final String byPatient;

        Kind(String type, String byPatient) {
            this.type = type;
            this.byPatient = byPatient;
        }
    }

    /** What a role gets of one resource; a refused read answers {@link #refusedRead}. */
    enum Answer {
        /** Read 200 with the resource; a search finds it. */
        SEES,
        /** Read refused (OperationOutcome); a search finds nothing and names nothing of the owner. */
        REFUSED,
        /**
         * A grantee's Consent search of the record shows the grant they hold themselves (as their
         * invitations list does), never this resource; a read of it is refused.
         */
        OWN_GRANTS_ONLY
    }

    // ---------------------------------------------------------------- the rules, written out

    /** Whether the role may read the owner's record (VIEW), as AccessMatrixIT's rules say. */
    static boolean views(Who who, Owner owner) {
        return switch (who) {
            case SELF -> owner != Owner.CHILD_UNDER_15;
            case VIEW_GRANTEE, VIEW_DOWNLOAD_GRANTEE, FULL_GRANTEE -> owner == Owner.ADULT;
            case PARENT_OF_CHILD_UNDER_15 -> owner == Owner.CHILD_UNDER_15;
            case DOCTOR_IN_CARE -> true;
            default -> false;
        };
    }

    /** Whether the role manages the record's access: the adult themself, the parent of a child under 15. */
    static boolean manages(Who who, Owner owner) {
        return (who == Who.SELF && owner != Owner.CHILD_UNDER_15)
                || (who == Who.PARENT_OF_CHILD_UNDER_15 && owner == Owner.CHILD_UNDER_15);
    }

    /** Whether the role acts for the owner (books, sees their appointments): managers and a FULL grantee. */
    static boolean actsFor(Who who, Owner owner) {
        return manages(who, owner) || (who == Who.FULL_GRANTEE && owner == Owner.ADULT);
    }

    /** Staff of a clinic that cares for the record import into it through {@code POST /fhir} (SPEC I3). */
    static boolean importsAsStaff(Who who) {
        return who == Who.DOCTOR_IN_CARE || who == Who.REGISTRAR_OF_CARING_CLINIC;
    }

    /**
     * {@code Patient/{id}/$import}: a file brought from another system goes into a record by whoever
     * may add to it on the patient's side (who acts for them), or by the staff who import through
     * {@code POST /fhir}.
     */
    static boolean importsFile(Who who, Owner owner) {
        return actsFor(who, owner) || importsAsStaff(who);
    }

    static Answer expected(Kind kind, Who who, Owner owner) {
        boolean sees = switch (kind) {
            // The record's data: whoever may read the record.
            case PATIENT, LAB, VITAL_SIGN, REPORT, DOCUMENT, REFERRAL, ENCOUNTER -> views(who, owner);
            // Diagnoses, procedures and allergies are not shown in the patient account (order 003,
            // Appendix 1): clinicians only.
            case CONDITION, PROCEDURE, ALLERGY -> who == Who.DOCTOR_IN_CARE;
            // Order 003 Appendix 1 keeps prescriptions and vaccinations to clinicians in care.
            case PRESCRIPTION, VACCINATION -> who == Who.DOCTOR_IN_CARE;
            // IdentityFacades's rule (issue 12): the patient themself and staff of a caring clinic, its
            // registry included. The parent of a child under 15 is refused the child's policies
            // by the same facade the policies API uses (RegistryIdentifiers.policies), so here too.
            case POLICY -> who == Who.SELF || who == Who.DOCTOR_IN_CARE || who == Who.REGISTRAR_OF_CARING_CLINIC;
            // A grant: its manager and the grantee who holds it (the VIEW grantee's grant).
            case GRANT -> manages(who, owner) || who == Who.VIEW_GRANTEE;
            // The clinic's informed consent accepted at booking: the record's manager.
            case ACCEPTANCE -> manages(who, owner);
            case ACCESS_LOG -> manages(who, owner);
            // The patient side (who acts for them) and the staff managing the doctor booked.
            case APPOINTMENT -> actsFor(who, owner) || who == Who.DOCTOR_IN_CARE;
        };
        if (sees) {
            return Answer.SEES;
        }
        boolean grantee = who == Who.VIEW_GRANTEE
                || who == Who.VIEW_DOWNLOAD_GRANTEE
                || who == Who.FULL_GRANTEE
                || who == Who.REVOKED_GRANTEE;
        if ((kind == Kind.GRANT || kind == Kind.ACCEPTANCE) && owner == Owner.ADULT && grantee) {
            return Answer.OWN_GRANTS_ONLY;
        }
        return Answer.REFUSED;
    }

    /**
     * The status of a refused read: 403 from the access module to someone who may read the record but
     * not manage its access (its grants and access log), as the grants and access-log APIs answer them
     * (AccessMatrixIT, FhirCareIT); 404 to anyone else, who never learns the record exists.
     */
    static int refusedRead(Kind kind, Who who, Owner owner) {
        return (kind == Kind.GRANT || kind == Kind.ACCESS_LOG) && views(who, owner) ? 403 : 404;
    }

    // ---------------------------------------------------------------- the world

    @Autowired
    ClinicFacades clinics;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    SlotSearch slotSearch;

    @Autowired
    Booking booking;

    @Autowired
    PatientReferrals patientReferrals;

    @Autowired
    IdentityFacades identity;

    @Autowired
    DevOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    record Person(SignedInUser user, String token, String phone) {
        PatientId patientId() {
            return user.patientId();
        }

        Delegations.Holder holder() {
            return new Delegations.Holder(token, phone);
        }
    }

    /** One owner's record: the resource of each kind, and what a refused answer must never show. */
    record Furnished(PatientId record, Map<Kind, String> ids, List<String> secrets, Set<String> allIds) {}

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyRoleGetsExactlyWhatTheRulesGiveOnEveryFhirReadAndSearchWithOneAuditEntryEach() {
        long started = System.nanoTime();
        var adult = patient("Матрицына", "Евдокия");
        var parent = patient("Родителева", "Ольга");
        PatientId child = Delegations.child(
                this,
                parent.holder(),
                "Снежкова",
                "Снежана",
                LocalDate.now(ZoneId.of("Europe/Moscow")).minusYears(8));
        // The 15-year-old was registered by the parent while still 14, ten days ago.
        var parentOfTeen = patient("Подростков", "Павел");
        clock.freezeAt(Instant.now().minus(Duration.ofDays(10)));
        PatientId teen = Delegations.child(
                this,
                new Delegations.Holder(
                        identity.tokens().tokensFor(parentOfTeen.user()).accessToken(), parentOfTeen.phone()),
                "Ферапонтова",
                "Фрося",
                LocalDate.now(ZoneId.of("Europe/Moscow")).minusYears(15).minusDays(5));
        clock.reset();
        identity.registration().assignPhone(teen, Phones.unique());
        var teenUser = new SignedInUser(
                identity.accounts().patient(teen).orElseThrow().userId(),
                "Фрося",
                teen,
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        String teenToken = identity.tokens().tokensFor(teenUser).accessToken();
        var viewer = patient("Смотрова", "Вера");
        var downloader = patient("Загрузова", "Дина");
        var full = patient("Полнова", "Фаина");
        var revoked = patient("Отозвана", "Рита");
        var other = patient("Чужова", "Ирина");

        ClinicId caring = TestClinics.register(clinics, "Клиника матрицы").id();
        DoctorView inCare = TestCare.doctor(clinics, caring);
        TestCare.openSchedule(scheduleTemplates, inCare.id());
        DoctorView notInCare = TestCare.doctor(
                clinics, TestClinics.register(clinics, "Чужая клиника").id());
        var registrar = TestStaff.registrar(identity, caring);

        var tokens = new EnumMap<Who, String>(Who.class);
        tokens.put(Who.OTHER_PATIENT, other.token());
        tokens.put(Who.VIEW_GRANTEE, viewer.token());
        tokens.put(Who.VIEW_DOWNLOAD_GRANTEE, downloader.token());
        tokens.put(Who.FULL_GRANTEE, full.token());
        tokens.put(Who.REVOKED_GRANTEE, revoked.token());
        tokens.put(Who.PARENT_OF_CHILD_UNDER_15, parent.token());
        tokens.put(
                Who.PARENT_OF_15_YEAR_OLD,
                identity.tokens().tokensFor(parentOfTeen.user()).accessToken());
        tokens.put(Who.DOCTOR_IN_CARE, TestCare.token(identity, inCare));
        tokens.put(Who.DOCTOR_WITHOUT_CARE, TestCare.token(identity, notInCare));
        tokens.put(
                Who.ADMIN_OF_ANOTHER_CLINIC,
                administrator(TestClinics.register(clinics, "Третья клиника").id()));
        tokens.put(
                Who.REGISTRAR_OF_CARING_CLINIC,
                identity.tokens().tokensFor(registrar).accessToken());

        var owners = new LinkedHashMap<Owner, Furnished>();
        var doctor = tokens.get(Who.DOCTOR_IN_CARE);
        var registry = tokens.get(Who.REGISTRAR_OF_CARING_CLINIC);
        owners.put(
                Owner.ADULT,
                furnish(
                        adult.user(),
                        adult.patientId(),
                        adult.token(),
                        adult.token(),
                        doctor,
                        registry,
                        inCare,
                        adult.phone(),
                        "Матрицына",
                        "Евдокия"));
        owners.put(
                Owner.CHILD_UNDER_15,
                furnish(
                        parent.user(),
                        child,
                        parent.token(),
                        parent.token(),
                        doctor,
                        registry,
                        inCare,
                        null,
                        "Снежкова",
                        "Снежана"));
        owners.put(
                Owner.CHILD_OF_15,
                furnish(
                        teenUser,
                        teen,
                        teenToken,
                        teenToken,
                        doctor,
                        registry,
                        inCare,
                        identity.accounts().patient(teen).orElseThrow().phone(),
                        "Ферапонтова",
                        "Фрося"));

        // The adult's grants; the VIEW grantee's is the Consent every role asks about.
        var record = adult.patientId();
        Delegations.grant(this, outbox, adult.holder(), record, viewer.holder(), "VIEW");
        Delegations.grant(this, outbox, adult.holder(), record, downloader.holder(), "VIEW_DOWNLOAD");
        Delegations.grant(this, outbox, adult.holder(), record, full.holder(), "FULL");
        Delegations.revoke(
                this,
                outbox,
                adult.holder(),
                Delegations.grant(this, outbox, adult.holder(), record, revoked.holder(), "FULL"));
        var held = bundle(fhir(viewer.token(), "Consent"));
        assertThat(held.getEntry()).hasSize(1);
        remember(
                owners.get(Owner.ADULT),
                Kind.GRANT,
                held.getEntryFirstRep().getResource().getIdElement().getIdPart());
        // The access logs, now that the records have been opened by many.
        remember(
                owners.get(Owner.ADULT),
                Kind.ACCESS_LOG,
                firstId(adult.token(), "AuditEvent?patient=" + record.value()));
        remember(
                owners.get(Owner.CHILD_UNDER_15),
                Kind.ACCESS_LOG,
                firstId(parent.token(), "AuditEvent?patient=" + child.value()));
        remember(
                owners.get(Owner.CHILD_OF_15),
                Kind.ACCESS_LOG,
                firstId(teenToken, "AuditEvent?patient=" + teen.value()));
        // The clinic's informed consent each booked when booking: a Consent of their own record.
        // (A parent's acceptance when booking for the child is the parent's, on the parent's record.)
        remember(owners.get(Owner.ADULT), Kind.ACCEPTANCE, acceptance(adult.token(), record));
        remember(owners.get(Owner.CHILD_OF_15), Kind.ACCEPTANCE, acceptance(teenToken, teen));
        var selves = Map.of(Owner.ADULT, adult.token(), Owner.CHILD_OF_15, teenToken);
        long furnished = System.nanoTime();

        var failures = new ArrayList<String>();
        int requests = 0;
        var callers = callers(selves, tokens);
        for (var caller : callers) {
            var owner = caller.owner();
            var who = caller.who();
            String token = caller.token();
            var data = owners.get(owner);
            for (var kind : Kind.values()) {
                String id = data.ids().get(kind);
                if (id == null) {
                    continue;
                }
                var answer = expected(kind, who, owner);
                String where = owner + " / " + who + " / " + kind + " ";
                requests += read(where, who, token, kind, id, answer, refusedRead(kind, who, owner), data, failures);
                for (String extra : List.of("", "&_count=0", "&_total=accurate")) {
                    requests += search(where, who, token, kind, id, extra, false, answer, data, failures);
                }
                // Told to ignore what it does not support, the server answers as without it.
                requests += search(where, who, token, kind, id, "&_total=accurate", true, answer, data, failures);
            }
            requests += chained(owner + " / " + who + " ", who, token, views(who, owner), data, failures);
            requests += everything(owner + " / " + who + " ", who, token, views(who, owner), data, failures);
        }
        // Bulk export: only the caring clinic's administrator may export its records, and none is in
        // the matrix; the administrator of another clinic exports theirs, which holds no owner.
        for (var who : Who.values()) {
            String token = who == Who.SELF ? adult.token() : tokens.get(who);
            requests += export("bulk / " + who + " ", who, token, caring, owners.values(), failures);
        }
        // Imports (issue 15), last, since each one admitted adds a result to the owner's record.
        for (var caller : callers) {
            var owner = caller.owner();
            requests += imports(
                    owner + " / " + caller.who() + " ",
                    caller.who(),
                    caller.token(),
                    owner,
                    owners.get(owner),
                    failures);
        }
        long ran = System.nanoTime();
        System.out.printf(
                "FHIR access matrix: %d requests in %d ms (fixture %d ms)%n",
                requests, (ran - furnished) / 1_000_000, (furnished - started) / 1_000_000);
        assertThat(failures)
                .as("leaks and wrong answers in %d requests", requests)
                .isEmpty();
        assertThat(requests).isGreaterThan(1000);
    }

    /** One role asking about one owner's record, with the token it asks with. */
    record Caller(Owner owner, Who who, String token) {}

    /** Every role × every owner, the owner themself with their own token; a child under 15 has no account. */
    private static List<Caller> callers(Map<Owner, String> selves, Map<Who, String> tokens) {
        var callers = new ArrayList<Caller>();
        for (var owner : Owner.values()) {
            for (var who : Who.values()) {
                if (who == Who.SELF && owner == Owner.CHILD_UNDER_15) {
                    continue;
                }
                callers.add(new Caller(owner, who, who == Who.SELF ? selves.get(owner) : tokens.get(who)));
            }
        }
        return callers;
    }

    // ---------------------------------------------------------------- one read, one search

    private int read(
            String where,
            Who who,
            String token,
            Kind kind,
            String id,
            Answer answer,
            int refused,
            Furnished data,
            List<String> failures) {
        String path = kind.type + "/" + id;
        long before = lastAuditSeq();
        var response = fhir(token, path);
        where += "GET " + path + ": ";
        int status = response.statusCode();
        String body = response.body();
        if (who == Who.ANONYMOUS) {
            expectStatus(where, response, 401, failures);
            leaks(where, response, data, failures);
        } else {
            switch (answer) {
                case SEES -> {
                    if (status != 200 || !body.contains(id)) {
                        failures.add(where + "expected 200 with the resource but got " + status + " " + body);
                    }
                }
                case REFUSED, OWN_GRANTS_ONLY -> {
                    expectStatus(where, response, refused, failures);
                    outcome(where, response, failures);
                    leaks(where, response, data, failures);
                }
            }
        }
        audit(where, who, kind, true, status, before, data, failures);
        return 1;
    }

    private int search(
            String where,
            Who who,
            String token,
            Kind kind,
            String id,
            String extra,
            boolean lenient,
            Answer answer,
            Furnished data,
            List<String> failures) {
        String path = kind.type + "?" + kind.byPatient + "=" + data.record().value() + extra;
        long before = lastAuditSeq();
        var response = lenient ? fhir(token, path, "Prefer", "handling=lenient") : fhir(token, path);
        where += "GET " + path + (lenient ? " (lenient)" : "") + ": ";
        int status = response.statusCode();
        if (who == Who.ANONYMOUS) {
            // A record's resources ask for a token before anything else: 401, whatever the search.
            expectStatus(where, response, 401, failures);
            leaks(where, response, data, failures);
        } else if (extra.contains("_total") && !lenient) {
            // /fhir declares no _total: 400, naming nothing.
            expectStatus(where, response, 400, failures);
            leaks(where, response, data, failures);
        } else if (status != 200) {
            failures.add(where + "expected 200 but got " + status + " " + response.body());
        } else {
            var bundle = bundle(response);
            var found = bundle.getEntry().stream()
                    .map(entry -> entry.getResource().getIdElement().getIdPart())
                    .toList();
            boolean none = extra.equals("&_count=0");
            switch (answer) {
                case SEES -> {
                    // The access log grows with every request: its first entry may be pages away.
                    boolean shown = kind == Kind.ACCESS_LOG ? !found.isEmpty() : found.contains(id);
                    if (none ? bundle.getTotal() < 1 || !found.isEmpty() : !shown) {
                        failures.add(where + "expected the resource but got " + response.body());
                    }
                }
                case OWN_GRANTS_ONLY -> {
                    if (found.contains(id)) {
                        failures.add(where + "LEAK of another grantee's grant: " + response.body());
                    }
                }
                case REFUSED -> {
                    if (!found.isEmpty() || bundle.getTotal() != 0) {
                        failures.add(where + "LEAK: total " + bundle.getTotal() + " " + response.body());
                    }
                    leaks(where, response, data, failures);
                }
            }
        }
        audit(where, who, kind, false, status, before, data, failures);
        return 1;
    }

    /**
     * Chained, reverse-chained and included parameters never show the owner to a role that may not
     * read the record: 400 for what {@code /fhir} does not declare, or nothing of the owner.
     */
    private int chained(String where, Who who, String token, boolean views, Furnished data, List<String> failures) {
        String family = data.secrets().get(0);
        String id = data.record().value().toString();
        var queries = new ArrayList<>(List.of(
                "Patient?_has:Observation:patient:code=MTX",
                "Patient?_has:Observation:patient:code=MTX&_id=" + id,
                "Observation?patient.family=" + family,
                "Observation?patient:Patient.family=" + family + "&_total=accurate",
                "Observation?subject.name=" + family,
                "Observation?patient=" + id + "&_include=Observation:patient",
                "Observation?patient=" + id + "&_revinclude=Provenance:target",
                "Patient?_id=" + id + "&_revinclude=Observation:patient",
                "Patient?family=" + family,
                "Patient?name=" + family + "&_total=accurate",
                "Appointment?patient.family=" + family,
                "Coverage?beneficiary.family=" + family));
        for (String secret : data.secrets().subList(2, 4)) {
            queries.add("Patient?identifier=" + secret.replace("+", "%2B"));
        }
        if (data.secrets().size() > 4 && data.secrets().get(4).startsWith("+")) {
            queries.add("Patient?phone=" + data.secrets().get(4).replace("+", "%2B"));
        }
        for (String query : queries) {
            var response = fhir(token, query);
            String here = where + "GET " + query + ": ";
            int status = response.statusCode();
            if (who == Who.ANONYMOUS) {
                if (status != 401) {
                    failures.add(here + "expected 401 but got " + status + " " + response.body());
                }
                leaks(here, response, data, failures);
            } else if (status >= 500) {
                failures.add(here + "server error " + status + " " + response.body());
            } else if (!views && status == 200) {
                var bundle = bundle(response);
                if (bundle.getTotal() != 0 || !bundle.getEntry().isEmpty()) {
                    // A patient's own search finds their own record: nothing of the owner may be in it.
                    if (bundle.getEntry().stream()
                            .anyMatch(entry -> entry.getResource()
                                    .getIdElement()
                                    .getIdPart()
                                    .equals(id))) {
                        failures.add(here + "LEAK: the owner is found " + response.body());
                    }
                }
                leaks(here, response, data, failures);
            } else if (!views && status != 400) {
                failures.add(here + "expected 200 or 400 but got " + status + " " + response.body());
            }
        }
        return queries.size();
    }

    /**
     * {@code Patient/{id}/$everything}: the whole record for a role that may read it, one audit entry
     * about the owner; 404 naming nothing for anyone else, 401 for an anonymous caller.
     */
    private int everything(String where, Who who, String token, boolean views, Furnished data, List<String> failures) {
        String path = "Patient/" + data.record().value() + "/$everything?_count=200";
        where += "GET " + path + ": ";
        long before = lastAuditSeq();
        var response = fhir(token, path);
        if (who == Who.ANONYMOUS) {
            expectStatus(where, response, 401, failures);
            leaks(where, response, data, failures);
            return 1;
        }
        if (views) {
            if (response.statusCode() != 200
                    || bundle(response).getEntry().isEmpty()
                    || !bundle(response)
                            .getEntryFirstRep()
                            .getResource()
                            .getIdElement()
                            .getIdPart()
                            .equals(data.record().value().toString())) {
                failures.add(where + "expected the record but got " + response.statusCode() + " " + response.body());
            }
        } else {
            expectStatus(where, response, 404, failures);
            outcome(where, response, failures);
            leaks(where, response, data, failures);
        }
        var entries = auditSince(before, data.record());
        if (entries.size() != 1) {
            failures.add(where + "expected one audit entry about the owner but got " + entries);
        }
        return 1;
    }

    /**
     * Bulk export kick-offs ({@code Group/{clinic}/$export}, {@code $export}): 401 anonymous, 404 for
     * everyone who is not the clinic's administrator; another clinic's administrator at most exports
     * their own clinic, which cares for none of the owners.
     */
    private int export(
            String where,
            Who who,
            String token,
            ClinicId caring,
            java.util.Collection<Furnished> owners,
            List<String> failures) {
        int requests = 0;
        String group = "Group/" + caring.value() + "/$export";
        var response = fhir(token, group, "Prefer", "respond-async");
        requests++;
        expectStatus(where + "GET " + group + ": ", response, who == Who.ANONYMOUS ? 401 : 404, failures);
        outcome(where + "GET " + group + ": ", response, failures);
        var system = fhir(token, "$export", "Prefer", "respond-async");
        requests++;
        // The matrix's administrator holds the role of another clinic: whether their own clinic's
        // register lists them or not, their export holds none of the owners.
        if (who != Who.ADMIN_OF_ANOTHER_CLINIC || system.statusCode() == 404) {
            expectStatus(where + "GET $export: ", system, who == Who.ANONYMOUS ? 401 : 404, failures);
            return requests;
        }
        expectStatus(where + "GET $export: ", system, 202, failures);
        String status = system.headers().firstValue("Content-Location").orElse("");
        status = status.substring(status.indexOf("/fhir/") + "/fhir/".length());
        for (int polls = 0; polls < 300; polls++, requests++) {
            var polled = fhir(token, status);
            if (polled.statusCode() == 200) {
                for (var owner : owners) {
                    if (polled.body().contains("\"Patient\"")) {
                        failures.add(where + "LEAK: another clinic's export lists patients " + polled.body());
                    }
                    leaks(where + "manifest: ", polled, owner, failures);
                }
                return requests;
            }
            if (polled.statusCode() != 202) {
                failures.add(where + "polling answered " + polled.statusCode() + " " + polled.body());
                return requests;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return requests;
            }
        }
        failures.add(where + "the export did not finish");
        return requests;
    }

    /**
     * The two imports, each naming the owner's record: the transaction {@code POST /fhir} (a Patient
     * {@code PUT Patient/{id}} and one laboratory result) and {@code Patient/{id}/$import} of the same
     * Bundle. Admitted: 200 and the result is in the record. Refused: nothing is written, nothing of
     * the owner is named, and the answer is the one an unknown record gets, so it tells nobody the
     * record exists. Anonymous: 401. Every request a signed-in caller makes leaves exactly one audit
     * entry about the owner.
     */
    private int imports(String where, Who who, String token, Owner owner, Furnished data, List<String> failures) {
        String id = data.record().value().toString();
        String unknown = UUID.randomUUID().toString();
        int requests = 0;
        for (boolean own : List.of(false, true)) {
            String here = where + (own ? "POST Patient/{id}/$import: " : "POST /fhir transaction: ");
            boolean admitted = own ? importsFile(who, owner) : importsAsStaff(who);
            long entries = entriesOf(data.record());
            long before = lastAuditSeq();
            var response = own ? importInto(token, id, labResult(id)) : postBundle(token, encoded(labResult(id)));
            requests++;
            var audited = auditSince(before, data.record());
            if (who == Who.ANONYMOUS) {
                expectStatus(here, response, 401, failures);
                leaks(here, response, data, failures);
            } else if (admitted) {
                expectStatus(here, response, 200, failures);
                if (!response.headers().firstValue("X-Import-Report").orElse("").startsWith("created=1;")) {
                    failures.add(here + "expected one result created but got "
                            + response.headers().firstValue("X-Import-Report").orElse("no report") + " "
                            + response.body());
                }
                if (entriesOf(data.record()) != entries + 1) {
                    failures.add(here + "expected the result in the record");
                }
            } else {
                leaks(here, response, data, failures);
                outcome(here, response, failures);
                if (entriesOf(data.record()) != entries) {
                    failures.add(here + "LEAK: a refused import wrote into the record");
                }
                if (own && views(who, owner)) {
                    // Someone who may read the record but not add to it is told so, as the REST API does.
                    expectStatus(here, response, 403, failures);
                } else {
                    var stranger = own
                            ? importInto(token, unknown, labResult(unknown))
                            : postBundle(token, encoded(labResult(unknown)));
                    requests++;
                    String refused = response.body().replace(id, "<record>");
                    String unknownAnswer = stranger.body().replace(unknown, "<record>");
                    if (response.statusCode() != stranger.statusCode() || !refused.equals(unknownAnswer)) {
                        failures.add(here + "LEAK: the record's answer differs from an unknown record's: "
                                + response.statusCode() + " " + refused + " / " + stranger.statusCode() + " "
                                + unknownAnswer);
                    }
                }
            }
            if (who != Who.ANONYMOUS && audited.size() != 1) {
                failures.add(here + "expected one audit entry about the owner but got " + audited);
            }
        }
        return requests;
    }

    private static final java.util.concurrent.atomic.AtomicInteger RESULTS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** A transaction from another system naming the record and bringing one glucose result, each a new one. */
    private static Bundle labResult(String record) {
        var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        var patient = new org.hl7.fhir.r4.model.Patient();
        patient.setId(UUID.randomUUID().toString());
        patient.addIdentifier()
                .setSystem("urn:oid:1.2.3.4.5.matrix")
                .setValue(UUID.randomUUID().toString());
        patient.addName().setFamily("Иноземцева").addGiven("Мира");
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry()
                .setFullUrl(patientUrl)
                .setResource(patient)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("Patient/" + record);
        var result = new org.hl7.fhir.r4.model.Observation();
        result.addIdentifier()
                .setSystem("urn:oid:1.2.3.4.5.matrix")
                .setValue(UUID.randomUUID().toString());
        result.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL);
        result.addCategory()
                .addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/observation-category")
                .setCode("laboratory");
        result.getCode()
                .addCoding()
                .setSystem("http://loinc.org")
                .setCode("2345-7")
                .setDisplay("Glucose");
        result.setSubject(new org.hl7.fhir.r4.model.Reference(patientUrl));
        result.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2024-03-01T09:00:00+03:00"));
        result.setValue(new org.hl7.fhir.r4.model.Quantity()
                .setValue(new java.math.BigDecimal("5." + RESULTS.incrementAndGet()))
                .setUnit("mmol/L")
                .setSystem("http://unitsofmeasure.org")
                .setCode("mmol/L"));
        bundle.addEntry()
                .setFullUrl("urn:uuid:" + UUID.randomUUID())
                .setResource(result)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Observation");
        return bundle;
    }

    private static String encoded(Bundle bundle) {
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    private long entriesOf(PatientId record) {
        return jdbc.sql("SELECT COUNT(*) FROM record_entry WHERE patient_id = :patient")
                .param("patient", record.value())
                .query(Long.class)
                .single();
    }

    // ---------------------------------------------------------------- checks

    private static void expectStatus(String where, HttpResponse<String> response, int expected, List<String> failures) {
        if (response.statusCode() != expected) {
            failures.add(where + "expected " + expected + " but got " + response.statusCode() + " " + response.body());
        }
    }

    private static void outcome(String where, HttpResponse<String> response, List<String> failures) {
        if (!response.body().contains("\"resourceType\": \"OperationOutcome\"")
                && !response.body().contains("\"resourceType\":\"OperationOutcome\"")) {
            failures.add(where + "not an OperationOutcome: " + response.body());
        }
    }

    /** A refused answer names nothing of the owner: no name, identifier, title, nor an id not asked for. */
    private static void leaks(String where, HttpResponse<String> response, Furnished data, List<String> failures) {
        String body = response.body();
        String asked = java.net.URLDecoder.decode(response.uri().toString(), java.nio.charset.StandardCharsets.UTF_8);
        for (String secret : data.secrets()) {
            // What the request itself named (a search by name or phone) may be echoed in the self link.
            if (body.contains(secret) && !asked.contains(secret)) {
                failures.add(where + "LEAK of «" + secret + "»: " + body);
            }
        }
        for (String id : data.allIds()) {
            if (body.contains(id) && !asked.contains(id)) {
                failures.add(where + "LEAK of id " + id + ": " + body);
            }
        }
    }

    /**
     * Each request about the owner's data that reaches the server's access checks is one audit entry
     * about the owner, refused or not; a request refused as malformed (400) reaches none and leaves none.
     */
    private void audit(
            String where,
            Who who,
            Kind kind,
            boolean read,
            int status,
            long before,
            Furnished data,
            List<String> failures) {
        // An anonymous attempt is one entry, as in the REST API (ANONYMOUS ... UNAUTHENTICATED), about
        // the owner where the request names them: a Patient read, a search by patient. A read of
        // another type by id names nobody until it is looked up, which an anonymous caller never gets.
        if (who == Who.ANONYMOUS) {
            var entries = auditSince(before, data.record());
            int expected = read && kind != Kind.PATIENT ? 0 : 1;
            if (entries.size() != expected) {
                failures.add(where + "expected " + expected + " anonymous audit entries but got " + entries);
            }
            return;
        }
        // Finding 2: a read of a Consent that is an informed-consent acceptance is never audited,
        // neither when shown to the patient nor when refused to anyone else.
        if (read && kind == Kind.ACCEPTANCE) {
            return;
        }
        // The grantee reading the grant they hold sees it as their invitations list shows it, which
        // the REST API does not audit either (ConsentProvider's contract).
        if (read && kind == Kind.GRANT && who == Who.VIEW_GRANTEE) {
            return;
        }
        // Finding 3: the patient (or the parent who booked) reading their appointment leaves no audit
        // entry; only a read that needs the access module (a FULL grantee's, a refusal) is audited.
        if (read && kind == Kind.APPOINTMENT && (who == Who.SELF || who == Who.PARENT_OF_CHILD_UNDER_15)) {
            return;
        }
        var entries = auditSince(before, data.record());
        int expected = status == 400 ? 0 : 1;
        if (entries.size() != expected) {
            failures.add(where + "expected " + expected + " audit entries but got " + entries);
        }
    }

    // ---------------------------------------------------------------- the owner's record

    /**
     * What the owner's record holds, each made as people make it: a booking with the caring doctor
     * (the care relationship, an appointment and the clinic's informed consent accepted), a referral,
     * a laboratory result, a study, a prescription, a vaccination, a procedure and an allergy the doctor filed, a SNILS the
     * doctor recorded, a diary reading and an upload by the patient (or parent), an OMS policy the
     * caring clinic's registry added.
     */
    private Furnished furnish(
            SignedInUser booker,
            PatientId record,
            String contributor,
            String manager,
            String doctor,
            String registry,
            DoctorView inCare,
            String phone,
            String lastName,
            String firstName) {
        var ids = new EnumMap<Kind, String>(Kind.class);
        ids.put(Kind.PATIENT, record.value().toString());
        var slot = slotSearch
                .search(
                        booker,
                        new SlotQuery(
                                inCare.id(), null, null, null, Instant.now().plus(Duration.ofDays(1)), null, 1, 0))
                .stream()
                .findFirst()
                .orElseThrow();
        var booked = booking.book(
                booker, new BookingRequest(slot.slotId(), record, slot.serviceId(), null, null, true), "127.0.0.1");
        ids.put(Kind.APPOINTMENT, booked.id().toString());
        var referral = patientReferrals.issueReferral(
                record,
                inCare.specialties().get(0).code(),
                inCare.id(),
                Instant.now().plus(Duration.ofDays(30)),
                null);
        ids.put(Kind.REFERRAL, referral.id().toString());
        String lab = file(
                doctor,
                record,
                "LAB_RESULT",
                "date",
                "2024-02-01",
                "testCode",
                "MTX",
                "testName",
                "Матриксин",
                "value",
                "120",
                "unit",
                "g/L",
                "referenceLow",
                "90",
                "referenceHigh",
                "160");
        ids.put(Kind.LAB, lab);
        ids.put(
                Kind.ENCOUNTER,
                file(
                        doctor,
                        record,
                        "EXAM_PROTOCOL",
                        "date",
                        "2024-02-03",
                        "specialty",
                        "Терапевт",
                        "examination",
                        "Осмотр",
                        "conclusion",
                        "Норма"));
        ids.put(
                Kind.CONDITION,
                file(
                        doctor,
                        record,
                        "DIAGNOSIS",
                        "icd10",
                        "I10",
                        "name",
                        "Эссенциальная гипертензия",
                        "onset",
                        "2020-01-01",
                        "clinicalStatus",
                        "ACTIVE"));
        ids.put(
                Kind.PROCEDURE,
                file(
                        doctor,
                        record,
                        "PROCEDURE",
                        "date",
                        "2024-02-05",
                        "code",
                        "A16.20.036",
                        "name",
                        "Матрипластика",
                        "outcome",
                        "Исход матричный"));
        ids.put(
                Kind.ALLERGY,
                file(
                        doctor,
                        record,
                        "ALLERGY",
                        "recorded",
                        "2024-02-06",
                        "substance",
                        "Матрицидин",
                        "category",
                        "MEDICATION",
                        "clinicalStatus",
                        "ACTIVE",
                        "reaction",
                        "Сыпь матричная"));
        ids.put(
                Kind.REPORT,
                file(
                        doctor,
                        record,
                        "INSTRUMENTAL",
                        "date",
                        "2024-02-02",
                        "modality",
                        "ECG",
                        "study",
                        "Матричная ЭКГ",
                        "conclusion",
                        "Заключение матричное"));
        ids.put(
                Kind.PRESCRIPTION,
                file(
                        doctor,
                        record,
                        "PRESCRIPTION",
                        "date",
                        "2024-02-03",
                        "medication",
                        "Матрициллин",
                        "dose",
                        "500 мг",
                        "course",
                        "7 дней"));
        ids.put(
                Kind.VACCINATION,
                file(doctor, record, "VACCINATION", "date", "2024-02-04", "vaccine", "Матривак", "series", "M-7"));
        String snils = Identifiers.snils();
        var identified = send(request("/api/v1/patient-records/" + record.value() + "/snils")
                .header("Authorization", "Bearer " + registry)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"snils\":\"" + snils + "\"}"))
                .build());
        assertThat(identified.statusCode()).as(identified.body()).isEqualTo(200);
        var reading = post(
                "/api/v1/patients/" + record.value() + "/diary",
                map(
                        "measure",
                        "PULSE",
                        "value",
                        "71",
                        "measuredAt",
                        Instant.now().minus(Duration.ofHours(1)).toString()),
                "Authorization",
                "Bearer " + contributor);
        assertThat(reading.statusCode()).as(reading.body()).isEqualTo(201);
        ids.put(Kind.VITAL_SIGN, body(reading).get("id").asString());
        var upload = multipart(
                contributor,
                "/api/v1/patients/" + record.value() + "/documents",
                Map.of("kind", "DOCUMENT", "title", "Матричная выписка"),
                "vypiska.pdf",
                Samples.pdf());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        ids.put(Kind.DOCUMENT, body(upload).get("id").asString());
        String oms = Identifiers.oms();
        var policy = post(
                "/api/v1/patients/" + record.value() + "/policies",
                map("kind", "OMS", "number", oms, "insurer", "Матрица-Мед"),
                "Authorization",
                "Bearer " + registry);
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(201);
        ids.put(Kind.POLICY, firstId(doctor, "Coverage?patient=" + record.value()));

        // The owner's secrets: names first, then identifiers, then what the record holds.
        var secrets = new ArrayList<>(List.of(lastName, firstName, snils, oms));
        if (phone != null) {
            secrets.add(phone);
        }
        secrets.addAll(List.of(
                "Матриксин",
                "Матричная ЭКГ",
                "Заключение матричное",
                "Матрициллин",
                "Матривак",
                "Матричная выписка",
                "Матрица-Мед",
                "Матрипластика",
                "Исход матричный",
                "Матрицидин",
                "Сыпь матричная"));
        return new Furnished(record, ids, secrets, new HashSet<>(ids.values()));
    }

    /** The clinic's informed consent accepted at booking, as the record's own Consent. */
    private String acceptance(String token, PatientId record) {
        var consents = bundle(fhir(token, "Consent?patient=" + record.value()));
        return consents.getEntry().stream()
                .map(entry -> (Consent) entry.getResource())
                .filter(consent -> "treatment"
                        .equals(consent.getScope().getCodingFirstRep().getCode()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no informed consent accepted: " + consents.getEntry().size()))
                .getIdElement()
                .getIdPart();
    }

    private static void remember(Furnished data, Kind kind, String id) {
        data.ids().put(kind, id);
        data.allIds().add(id);
    }

    private String firstId(String token, String search) {
        var response = fhir(token, search);
        assertThat(response.statusCode()).as(search + " " + response.body()).isEqualTo(200);
        var bundle = bundle(response);
        assertThat(bundle.getEntry()).as(search).isNotEmpty();
        return bundle.getEntryFirstRep().getResource().getIdElement().getIdPart();
    }

    /** Files an entry through the record API as the doctor; its id. */
    private String file(String doctor, PatientId record, String type, String... fields) {
        var response = post(
                "/api/v1/patients/" + record.value() + "/record/entries",
                map("type", type, "fields", map((Object[]) fields)),
                "Authorization",
                "Bearer " + doctor);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return body(response).get("id").asString();
    }

    private Person patient(String lastName, String firstName) {
        String phone = Phones.unique();
        var account = TestPatients.register(identity, lastName, firstName, null, phone, "1980-01-02");
        var user = new SignedInUser(
                account.userId(),
                firstName,
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        return new Person(user, identity.tokens().tokensFor(user).accessToken(), phone);
    }

    /** An administrator of the clinic, invited as the access tests invite one, with a token. */
    private String administrator(ClinicId clinic) {
        var id = identity.staff()
                .invite(
                        "adm-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru",
                        "Админов",
                        "Олег",
                        null,
                        Role.CLINIC_ADMIN,
                        clinic,
                        "http://localhost",
                        Locale.ENGLISH);
        var user = new SignedInUser(id, "Админ", null, List.of(new RoleGrant(Role.CLINIC_ADMIN, clinic)), "PASSWORD");
        return identity.tokens().tokensFor(user).accessToken();
    }

    private long lastAuditSeq() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event")
                .query(Long.class)
                .single();
    }

    /** The audit entries about the record after {@code seq}: role, action, outcome. */
    private List<String> auditSince(long seq, PatientId record) {
        return jdbc.sql("""
                        SELECT actor_role || ' ' || action || ' ' || outcome FROM audit_event
                        WHERE seq > :seq AND patient_id = :patient ORDER BY seq
                        """)
                .param("seq", seq)
                .param("patient", record.value())
                .query(String.class)
                .list();
    }
}
