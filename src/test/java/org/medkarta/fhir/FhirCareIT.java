package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medkarta.audit.AuditTrail;
import org.medkarta.clinic.DoctorView;
import org.medkarta.files.Samples;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.DevOutbox;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.PatientReferrals;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.PatientId;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.Delegations;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The care resources through FHIR (issue 14): prescriptions, verified vaccinations, policies,
 * consents, referrals and the access log, made through the real APIs and facades, read and searched
 * by the patient, a grantee, a clinician in care, a clinician without care and another patient, each
 * resource and search Bundle valid under the R4 core definitions.
 */
class FhirCareIT extends FhirSupport {

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
    AuditTrail audit;

    record Person(SignedInUser user, String token, String phone) {
        PatientId patientId() {
            return user.patientId();
        }

        String id() {
            return user.patientId().value().toString();
        }

        Delegations.Holder holder() {
            return new Delegations.Holder(token, phone);
        }
    }

    record Doctor(DoctorView view, String token) {}

    Person patient;
    Person grantee;
    Person other;
    Doctor doctor;
    Doctor stranger;

    @BeforeEach
    void people() {
        patient = patient("Опекаемая");
        grantee = patient("Доверенный");
        other = patient("Посторонний");
        doctor = doctor(true);
        stranger = doctor(false);
        Delegations.grant(this, outbox, patient.holder(), patient.patientId(), grantee.holder(), "VIEW");
    }

    @Test
    void prescriptionsAreMedicationRequestsForTheClinicianInCareAndHiddenFromThePatientAccount() {
        for (int day = 1; day <= 3; day++) {
            file(
                    "PRESCRIPTION",
                    "date",
                    "2024-03-0" + day,
                    "medication",
                    "Амоксициллин " + day,
                    "dose",
                    "500 мг 3 раза в день",
                    "course",
                    "7 дней",
                    "ePrescriptionNumber",
                    "RX-" + day);
        }
        String search = "MedicationRequest?patient=Patient/" + patient.id();

        int before = auditEntries();
        var found = fhir(doctor.token(), search);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(auditEntries()).isEqualTo(before + 1);
        assertValid(found.body());
        var bundle = bundle(found);
        assertThat(bundle.getTotal()).isEqualTo(3);
        var first = (MedicationRequest) bundle.getEntryFirstRep().getResource();
        assertThat(first.getMedicationCodeableConcept().getText()).isEqualTo("Амоксициллин 3");
        assertThat(first.getSubject().getReference()).isEqualTo("Patient/" + patient.id());

        String id = first.getIdElement().getIdPart();
        before = auditEntries();
        var read = fhir(doctor.token(), "MedicationRequest/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(auditEntries()).isEqualTo(before + 1);
        assertValid(read.body());

        var client = client(doctor.token());
        var page = client.search()
                .byUrl(search + "&_count=2")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(page.getEntry()).hasSize(2);
        assertThat(page.getLink(Bundle.LINK_NEXT)).isNotNull();
        var next = client.loadPage().next(page).execute();
        assertThat(next.getEntry()).hasSize(1);
        assertValid(next);

        assertThat(total(doctor.token(), search + "&authoredon=ge2024-03-02&authoredon=lt2024-03-03"))
                .isEqualTo(1);
        assertThat(total(doctor.token(), search + "&code:text=амоксициллин")).isEqualTo(3);
        assertThat(total(doctor.token(), search + "&status=unknown")).isEqualTo(3);
        assertThat(total(doctor.token(), search + "&status=active")).isZero();
        var ascending = bundle(fhir(doctor.token(), search + "&_sort=authoredon"));
        assertThat(((MedicationRequest) ascending.getEntryFirstRep().getResource())
                        .getMedicationCodeableConcept()
                        .getText())
                .isEqualTo("Амоксициллин 1");

        // Order 003 Appendix 1 does not list prescriptions among what the patient account shows.
        for (String token : List.of(patient.token(), grantee.token(), stranger.token(), other.token())) {
            assertThat(total(token, search)).as("search").isZero();
            assertThat(fhir(token, "MedicationRequest/" + id).statusCode())
                    .as("read")
                    .isEqualTo(404);
        }
    }

    @Test
    void onlyVerifiedVaccinationsAreImmunizations() {
        file("VACCINATION", "date", "2023-10-01", "vaccine", "Гриппол плюс", "series", "A-17");
        var pending = multipart(
                patient.token(),
                "/api/v1/patients/" + patient.id() + "/documents",
                Map.of("kind", "VACCINATION", "vaccine", "Гам-КОВИД-Вак", "date", "2021-06-01"),
                "cert.pdf",
                Samples.pdf());
        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(201);
        String search = "Immunization?patient=" + patient.id();

        var found = fhir(doctor.token(), search);
        assertValid(found.body());
        var bundle = bundle(found);
        assertThat(bundle.getTotal()).isEqualTo(1);
        var immunization = (Immunization) bundle.getEntryFirstRep().getResource();
        assertThat(immunization.getVaccineCode().getText()).isEqualTo("Гриппол плюс");
        assertThat(immunization.getStatus()).isEqualTo(Immunization.ImmunizationStatus.COMPLETED);
        assertThat(immunization.getLotNumber()).isEqualTo("A-17");
        var read = fhir(
                doctor.token(), "Immunization/" + immunization.getIdElement().getIdPart());
        assertThat(read.statusCode()).isEqualTo(200);
        assertValid(read.body());
        assertThat(total(doctor.token(), search + "&date=2023")).isEqualTo(1);
        assertThat(total(doctor.token(), search + "&date=lt2023-10-01")).isZero();
        assertThat(total(doctor.token(), search + "&vaccine-code:text=грипп")).isEqualTo(1);

        // A prescription's id is no Immunization.
        String prescription = file(
                "PRESCRIPTION", "date", "2024-01-01", "medication", "Аспирин", "dose", "1 таб", "course", "5 дней");
        assertThat(fhir(doctor.token(), "Immunization/" + prescription).statusCode())
                .isEqualTo(404);

        for (String token : List.of(patient.token(), grantee.token(), stranger.token(), other.token())) {
            assertThat(total(token, search)).isZero();
            assertThat(fhir(token, "Immunization/" + immunization.getIdElement().getIdPart())
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void policiesAreCoveragesForThePatientAndTheCaringClinicOnly() {
        String number = omsNumber();
        var added = post(
                "/api/v1/patients/" + patient.id() + "/policies",
                map("kind", "OMS", "number", number, "insurer", "СОГАЗ-Мед", "validFrom", "2020-01-01"),
                "Authorization",
                "Bearer " + patient.token());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

        var own = fhir(patient.token(), "Coverage");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertValid(own.body());
        var coverage = (Coverage) bundle(own).getEntryFirstRep().getResource();
        assertThat(bundle(own).getTotal()).isEqualTo(1);
        assertThat(coverage.getIdentifierFirstRep().getSystem()).isEqualTo("https://medkarta.org/fhir/sid/oms-enp");
        assertThat(coverage.getIdentifierFirstRep().getValue()).isEqualTo(number);
        assertThat(coverage.getBeneficiary().getReference()).isEqualTo("Patient/" + patient.id());
        String id = coverage.getIdElement().getIdPart();
        var read = fhir(patient.token(), "Coverage/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertValid(read.body());

        String search = "Coverage?beneficiary=Patient/" + patient.id();
        assertThat(total(doctor.token(), search)).isEqualTo(1);
        assertThat(total(doctor.token(), search + "&type=http://terminology.hl7.org/CodeSystem/v3-ActCode%7CPUBLICPOL"))
                .isEqualTo(1);
        assertThat(total(doctor.token(), search + "&type=HIP")).isZero();
        assertThat(total(
                        doctor.token(),
                        "Coverage?identifier=https://medkarta.org/fhir/sid/oms-enp%7C" + number + "&patient="
                                + patient.id()))
                .isEqualTo(1);
        assertThat(fhir(doctor.token(), "Coverage/" + id).statusCode()).isEqualTo(200);

        // IdentityFacades's rule (issue 12): the patient themself and staff of a caring clinic, no one else.
        for (String token : List.of(grantee.token(), stranger.token(), other.token())) {
            assertThat(total(token, search)).isZero();
            assertThat(fhir(token, "Coverage/" + id).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void grantsAndInformedConsentAcceptancesAreConsentsOfTheirManager() {
        var found = fhir(patient.token(), "Consent?patient=Patient/" + patient.id());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertValid(found.body());
        var consents = bundle(found).getEntry().stream()
                .map(entry -> (Consent) entry.getResource())
                .toList();
        assertThat(consents)
                .extracting(consent -> consent.getScope().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("patient-privacy", "treatment");
        for (var consent : consents) {
            var read = fhir(patient.token(), "Consent/" + consent.getIdElement().getIdPart());
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertValid(read.body());
        }
        assertThat(total(patient.token(), "Consent")).isEqualTo(2);
        assertThat(total(patient.token(), "Consent?status=active&patient=" + patient.id()))
                .isEqualTo(2);
        assertThat(total(patient.token(), "Consent?status=inactive")).isZero();

        for (String token : List.of(doctor.token(), stranger.token(), other.token())) {
            assertThat(total(token, "Consent?patient=" + patient.id())).isZero();
            assertThat(total(token, "Consent")).isZero();
        }
        // The grantee sees the grant they hold, as their invitations list shows it, and nothing else.
        var held = bundle(fhir(grantee.token(), "Consent"));
        assertValid(held);
        assertThat(held.getTotal()).isEqualTo(1);
        assertThat(total(grantee.token(), "Consent?patient=" + patient.id())).isEqualTo(1);
        assertThat(total(grantee.token(), "Consent?patient=" + other.id())).isZero();
        var acceptance = consents.stream()
                .filter(consent -> "treatment"
                        .equals(consent.getScope().getCodingFirstRep().getCode()))
                .findFirst()
                .orElseThrow();
        for (String token : List.of(grantee.token(), doctor.token(), stranger.token(), other.token())) {
            assertThat(fhir(token, "Consent/" + acceptance.getIdElement().getIdPart())
                            .statusCode())
                    .isEqualTo(404);
        }
        var grant = consents.stream()
                .filter(consent -> consent != acceptance)
                .findFirst()
                .orElseThrow();
        assertThat(held.getEntryFirstRep().getResource().getIdElement().getIdPart())
                .isEqualTo(grant.getIdElement().getIdPart());
        var readByGrantee =
                fhir(grantee.token(), "Consent/" + grant.getIdElement().getIdPart());
        assertThat(readByGrantee.statusCode()).isEqualTo(200);
        assertValid(readByGrantee.body());
        for (String token : List.of(stranger.token(), other.token())) {
            assertThat(fhir(token, "Consent/" + grant.getIdElement().getIdPart())
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void referralsAreServiceRequestsOfTheRecord() {
        TestCare.refer(patientReferrals, patient.patientId(), doctor.view(), clock.instant());
        String search = "ServiceRequest?patient=" + patient.id();

        for (String token : List.of(patient.token(), grantee.token(), doctor.token())) {
            int before = auditEntries();
            var found = fhir(token, search);
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            assertThat(auditEntries()).isEqualTo(before + 1);
            assertValid(found.body());
            assertThat(bundle(found).getTotal()).isEqualTo(1);
        }
        var request = (ServiceRequest)
                bundle(fhir(patient.token(), search)).getEntryFirstRep().getResource();
        assertThat(request.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
        assertThat(request.getPerformerType().getCodingFirstRep().getCode()).isEqualTo("therapist");
        var read =
                fhir(grantee.token(), "ServiceRequest/" + request.getIdElement().getIdPart());
        assertThat(read.statusCode()).isEqualTo(200);
        assertValid(read.body());
        assertThat(total(patient.token(), "ServiceRequest?status=active")).isEqualTo(1);
        assertThat(total(patient.token(), "ServiceRequest?status=completed")).isZero();
        assertThat(total(patient.token(), search + "&performer-type=therapist")).isEqualTo(1);

        for (String token : List.of(stranger.token(), other.token())) {
            assertThat(total(token, search)).isZero();
            assertThat(fhir(token, "ServiceRequest/" + request.getIdElement().getIdPart())
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void theAccessLogIsTheRecordsAuditEventsForThePatientAlone() {
        fhir(doctor.token(), "MedicationRequest?patient=" + patient.id());
        fhir(stranger.token(), "MedicationRequest?patient=" + patient.id());

        var found = fhir(patient.token(), "AuditEvent?_count=2");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertValid(found.body());
        var bundle = bundle(found);
        assertThat(bundle.getEntry()).hasSize(2);
        assertThat(bundle.getLink(Bundle.LINK_NEXT)).isNotNull();
        var client = client(patient.token());
        var next = client.loadPage().next(bundle).execute();
        assertValid(next);
        assertThat(next.getEntry()).isNotEmpty();

        var all = bundle(fhir(patient.token(), "AuditEvent?patient=" + patient.id() + "&_count=200"));
        assertThat(all.getEntry())
                .extracting(entry -> ((AuditEvent) entry.getResource()).getOutcome())
                .contains(AuditEvent.AuditEventOutcome._0, AuditEvent.AuditEventOutcome._4);
        assertThat(all.getEntry())
                .extracting(entry -> ((AuditEvent) entry.getResource())
                        .getAgentFirstRep()
                        .getWho()
                        .getReference())
                .contains("Practitioner/" + doctor.view().userId().value());
        assertThat(total(patient.token(), "AuditEvent?patient=" + patient.id() + "&outcome=4"))
                .isPositive();
        String id = all.getEntryFirstRep().getResource().getIdElement().getIdPart();
        var read = fhir(patient.token(), "AuditEvent/" + id);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertValid(read.body());

        for (String token : List.of(grantee.token(), doctor.token(), stranger.token(), other.token())) {
            assertThat(total(token, "AuditEvent?patient=" + patient.id())).isZero();
        }
        // Those who may read the record but not its log are told so, as by the access log API.
        for (String token : List.of(grantee.token(), doctor.token())) {
            var refused = fhir(token, "AuditEvent/" + id);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertValid(refused.body());
        }
        for (String token : List.of(stranger.token(), other.token())) {
            assertThat(fhir(token, "AuditEvent/" + id).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void refusalsAreOperationOutcomesInTheCallersLanguage() {
        var anonymous = fhir(null, "MedicationRequest?patient=" + patient.id());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertValid(anonymous.body());

        var prefix = fhir(doctor.token(), "Immunization?date=ne2024-01-01", "Accept-Language", "en");
        assertThat(prefix.statusCode()).isEqualTo(400);
        assertValid(prefix.body());
        assertThat(outcome(prefix)).contains("The date prefix \"ne\" is not supported");
        var russian = fhir(doctor.token(), "Immunization?date=ne2024-01-01");
        assertThat(outcome(russian)).contains("Префикс даты «ne»");

        var sort = fhir(patient.token(), "Consent?_sort=status", "Accept-Language", "en");
        assertThat(sort.statusCode()).isEqualTo(400);
        assertThat(outcome(sort)).contains("Sorting by \"status\" is not supported");

        var unknown = fhir(patient.token(), "Coverage?payor=x", "Accept-Language", "en");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(outcome(unknown)).contains("is not supported for Coverage");

        for (String type :
                List.of("MedicationRequest", "Immunization", "Coverage", "Consent", "ServiceRequest", "AuditEvent")) {
            var missing = fhir(patient.token(), type + "/" + UUID.randomUUID(), "Accept-Language", "en");
            assertThat(missing.statusCode()).as(type).isEqualTo(404);
            assertThat(missing.body()).doesNotContain("Exception");
            assertValid(missing.body());
            assertThat(fhir(patient.token(), type + "/not-an-id").statusCode())
                    .as(type)
                    .isEqualTo(404);
        }
    }

    @Test
    void theCapabilityStatementNamesEachCareTypeWithItsSearchParameters() {
        var metadata = fhir(null, "metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertValid(metadata.body());
        assertThat(metadata.body())
                .contains("\"MedicationRequest\"", "\"Immunization\"", "\"Coverage\"", "\"Consent\"")
                .contains("\"ServiceRequest\"", "\"AuditEvent\"", "authoredon", "vaccine-code", "performer-type");
    }

    // ---------------------------------------------------------------- fixtures

    private Person patient(String lastName) {
        String phone = Phones.unique();
        var account = TestPatients.register(identity, lastName, "Анна", null, phone, "1980-05-20");
        var user = new SignedInUser(
                account.userId(), "Анна", account.patientId(), List.of(new RoleGrant(Role.PATIENT, null)), "SMS_CODE");
        return new Person(user, identity.tokens().tokensFor(user).accessToken(), phone);
    }

    /** A therapist of a clinic of their own; in care of {@link #patient} when the patient books them. */
    private Doctor doctor(boolean caring) {
        var view = TestCare.doctor(
                clinics, TestClinics.register(clinics, "Клиника ФГИС").id());
        if (caring) {
            TestCare.openSchedule(scheduleTemplates, view.id());
            TestCare.appointment(slotSearch, booking, patient.user(), view.id());
        }
        return new Doctor(view, TestCare.token(identity, view));
    }

    /** Files an entry through the record API as the caring doctor; its id. */
    private String file(String type, String... fields) {
        var response = post(
                "/api/v1/patients/" + patient.id() + "/record/entries",
                map("type", type, "fields", map((Object[]) fields)),
                "Authorization",
                "Bearer " + doctor.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return body(response).get("id").asString();
    }

    private int auditEntries() {
        return audit.ofPatient(patient.patientId().value(), 100_000).size();
    }

    private int total(String token, String search) {
        var response = fhir(token, search);
        assertThat(response.statusCode()).as(search + ": " + response.body()).isEqualTo(200);
        var bundle = bundle(response);
        assertThat(bundle.getEntry()).hasSizeLessThanOrEqualTo(bundle.getTotal());
        return bundle.getTotal();
    }

    private static String outcome(HttpResponse<String> response) {
        return FHIR.newJsonParser()
                .parseResource(OperationOutcome.class, response.body())
                .getIssueFirstRep()
                .getDiagnostics();
    }

    private static String omsNumber() {
        var digits = new StringBuilder("7");
        for (int i = 0; i < 15; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
