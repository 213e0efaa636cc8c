package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.Registered;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The FHIR scheduling flow a portal or a third-party app follows, over HTTP with HAPI's generic
 * client: find a doctor's free Slot, book it by creating an Appointment, see the booking on the
 * patient's side and the doctor's calendar through the REST API, cancel it, and the refusals on the
 * way (a slot taken, a stale version, someone else's appointment) as OperationOutcomes.
 */
class FhirBookingIT extends FhirSupport {

    @Autowired
    ClinicFacades clinics;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    IdentityFacades identity;

    private DoctorView doctor;
    private String service;
    private String doctorToken;

    private record Patient(Registered account, String token) {
        String id() {
            return account.patientId().value().toString();
        }
    }

    @BeforeEach
    void openADoctorsSchedule() {
        var clinic = TestClinics.register(clinics, "Запись FHIR");
        doctor = TestCare.invite(clinics, TestClinics.PLATFORM, clinic.id(), TestCare.NewDoctor.THERAPIST);
        service = TestCare.addService(
                        clinics,
                        TestClinics.PLATFORM,
                        doctor,
                        "Консультация",
                        "therapist",
                        "PRIMARY",
                        120_000L,
                        "REGION")
                .id()
                .value()
                .toString();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        TestCare.openSchedule(
                scheduleTemplates,
                TestClinics.PLATFORM,
                doctor.id(),
                new TestCare.Hours("Приём", today, today.plusDays(6), "09:00", "12:00"),
                List.of(service));
        doctorToken = TestCare.token(identity, doctor);
    }

    private Patient patient() {
        var account = TestPatients.register(identity, "Записанный", "Пётр", null, Phones.unique(), "1980-01-02");
        return new Patient(account, TestPatients.tokenOf(identity, account, "Пётр"));
    }

    private Date tomorrow() {
        return Date.from(Instant.now().plus(1, ChronoUnit.DAYS));
    }

    /** Free slots of the doctor from tomorrow, as HAPI's client searches them. */
    private Bundle freeSlots(String token, int count) {
        return client(token)
                .search()
                .forResource(Slot.class)
                .where(Slot.SCHEDULE.hasId("Schedule/" + doctor.id().value()))
                .and(Slot.STATUS.exactly().code("free"))
                .and(Slot.START.afterOrEquals().second(tomorrow()))
                .count(count)
                .returnBundle(Bundle.class)
                .execute();
    }

    private static Appointment booking(String slot, String patient) {
        var appointment = new Appointment();
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.addSlot(new Reference("Slot/" + slot));
        if (patient != null) {
            appointment
                    .addParticipant()
                    .setActor(new Reference("Patient/" + patient))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        }
        appointment.addReasonCode().setText("Болит голова");
        appointment.addExtension(Systems.ACCEPT_CLINIC_DOCUMENTS, new BooleanType(true));
        return appointment;
    }

    private Appointment book(Patient patient, String slot) {
        var outcome = client(patient.token())
                .create()
                .resource(booking(slot, patient.id()))
                .execute();
        assertThat(outcome.getCreated()).isTrue();
        return (Appointment) outcome.getResource();
    }

    private HttpResponse<String> fhirPost(String token, String path, String body, String... headers) {
        var builder = request("/fhir/" + path)
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    private HttpResponse<String> fhirPut(String token, String path, String body, String... headers) {
        var builder = request("/fhir/" + path)
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    @Test
    void aPortalFindsAFreeSlotBooksItAndTheBookingShowsOnThePatientsPageAndTheDoctorsDesk() {
        var patient = patient();

        var first = freeSlots(patient.token(), 3);
        assertThat(first.getEntry()).hasSize(3);
        assertThat(first.getTotal()).isGreaterThan(3);
        assertThat(first.getLink(Bundle.LINK_NEXT)).isNotNull();
        assertValid(first);
        var second = client(patient.token()).loadPage().next(first).execute();
        assertThat(ids(second)).hasSize(3).doesNotContainAnyElementsOf(ids(first));
        var slot = (Slot) first.getEntry().get(0).getResource();
        assertThat(slot.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
        assertThat(slot.getServiceTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo(service);
        assertThat(freeSlots(null, 3).getTotal()).as("anonymous search").isEqualTo(first.getTotal());
        var byService = fhir(patient.token(), "Slot?service-type=" + Systems.SERVICE + "%7C" + service);
        assertThat(bundle(byService).getTotal()).isGreaterThanOrEqualTo(first.getTotal());
        assertThat(bundle(fhir(null, "Slot?schedule=Schedule/" + doctor.id().value() + "&specialty=neurologist"))
                        .getTotal())
                .isZero();
        assertThat(bundle(fhir(null, "Slot?schedule=Schedule/" + doctor.id().value() + "&specialty=therapist"))
                        .getTotal())
                .isGreaterThanOrEqualTo(first.getTotal());

        String slotId = slot.getIdElement().getIdPart();
        var booked = book(patient, slotId);
        String id = booked.getIdElement().getIdPart();
        assertThat(booked.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(booked.getMeta().getVersionId()).isEqualTo("1");

        var read = fhir(patient.token(), "Appointment/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("W/\"1\"");
        assertValid(read.body());

        // The patient's side of the REST API, and the doctor's calendar (the desk's schedule).
        var mine = getAs(patient.token(), "/api/v1/appointments");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains(id).contains(slotId);
        var desk = getAs(
                doctorToken,
                "/api/v1/doctors/" + doctor.id().value() + "/calendar?from="
                        + slot.getStart().toInstant() + "&to=" + slot.getEnd().toInstant());
        assertThat(desk.statusCode()).as(desk.body()).isEqualTo(200);
        assertThat(desk.body()).contains(id);

        // Through FHIR too: the patient's search, the doctor's search by practitioner, the slot now busy.
        var bySelf = fhir(patient.token(), "Appointment?patient=Patient/" + patient.id() + "&status=booked");
        assertThat(ids(bundle(bySelf))).containsExactly(id);
        assertValid(bySelf.body());
        var byDoctor = fhir(
                doctorToken,
                "Appointment?practitioner=Practitioner/" + doctor.userId().value() + "&date=ge"
                        + slot.getStart().toInstant());
        assertThat(ids(bundle(byDoctor))).contains(id);
        assertValid(byDoctor.body());
        assertThat(fhir(null, "Slot/" + slotId).statusCode())
                .as("a busy slot to a visitor")
                .isEqualTo(404);
        var busy = fhir(doctorToken, "Slot/" + slotId);
        assertThat(busy.body()).contains("\"busy\"");
        assertValid(busy.body());
        var busySearch =
                fhir(doctorToken, "Slot?schedule=Schedule/" + doctor.id().value() + "&status=busy");
        assertThat(ids(bundle(busySearch))).containsExactly(slotId);
        assertThat(ids(bundle(
                        fhir(patient.token(), "Slot?schedule=" + doctor.id().value() + "&status=busy"))))
                .isEmpty();
    }

    @Test
    void aSlotBookedTwiceIsRefusedWith409InTheCallersLanguage() {
        var slot = freeSlots(null, 1)
                .getEntry()
                .get(0)
                .getResource()
                .getIdElement()
                .getIdPart();
        book(patient(), slot);

        var other = patient();
        String body = FHIR.newJsonParser().encodeResourceToString(booking(slot, other.id()));
        var taken = fhirPost(other.token(), "Appointment", body);
        assertThat(taken.statusCode()).isEqualTo(409);
        var outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, taken.body());
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).isEqualTo("Это время уже занято. Выберите другое.");
        assertValid(taken.body());

        var english = fhirPost(other.token(), "Appointment", body, "Accept-Language", "en");
        assertThat(english.statusCode()).isEqualTo(409);
        assertThat(english.body()).contains("This time is already taken. Choose another.");
    }

    @Test
    void anAppointmentIsCancelledByCancelOrByAnUpdateAndAStaleVersionIsRefusedWith412() {
        var patient = patient();
        var slots = freeSlots(patient.token(), 2);
        var first = book(
                patient, slots.getEntry().get(0).getResource().getIdElement().getIdPart());
        var second = book(
                patient, slots.getEntry().get(1).getResource().getIdElement().getIdPart());
        String firstId = first.getIdElement().getIdPart();

        var stale = fhirPost(
                patient.token(),
                "Appointment/" + firstId + "/$cancel",
                "{\"resourceType\":\"Parameters\"}",
                "If-Match",
                "W/\"7\"",
                "Accept-Language",
                "en");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("its version is now 1");
        assertValid(stale.body());

        var cancelled = client(patient.token())
                .operation()
                .onInstance(first.getIdElement().toUnqualifiedVersionless())
                .named("$cancel")
                .withNoParameters(Parameters.class)
                .returnResourceType(Appointment.class)
                .execute();
        assertThat(cancelled.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(cancelled.getMeta().getVersionId()).isEqualTo("2");
        assertValid(cancelled);
        assertThat(freeSlots(patient.token(), 200).getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart())
                .contains(first.getSlotFirstRep().getReferenceElement().getIdPart());

        second.setStatus(Appointment.AppointmentStatus.CANCELLED);
        String body = FHIR.newJsonParser().encodeResourceToString(second);
        String secondId = second.getIdElement().getIdPart();
        assertThat(fhirPut(patient.token(), "Appointment/" + secondId, body, "If-Match", "W/\"3\"")
                        .statusCode())
                .isEqualTo(412);
        var updated = client(patient.token()).update().resource(second).execute();
        var after = (Appointment) updated.getResource();
        assertThat(after.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(after.getMeta().getVersionId()).isEqualTo("2");
        var read = fhir(patient.token(), "Appointment/" + secondId);
        assertThat(read.headers().firstValue("ETag")).hasValue("W/\"2\"");
        assertThat(ids(bundle(fhir(patient.token(), "Appointment?status=cancelled"))))
                .containsExactlyInAnyOrder(firstId, secondId);
    }

    @Test
    void anotherPatientsAppointmentIsNotFound() {
        var owner = patient();
        var slot = freeSlots(owner.token(), 1)
                .getEntry()
                .get(0)
                .getResource()
                .getIdElement()
                .getIdPart();
        String id = book(owner, slot).getIdElement().getIdPart();

        var stranger = patient();
        var read = fhir(stranger.token(), "Appointment/" + id);
        assertThat(read.statusCode()).isEqualTo(404);
        assertValid(read.body());
        var search = fhir(stranger.token(), "Appointment?patient=" + owner.id());
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(bundle(search).getTotal()).isZero();
        assertThat(fhirPost(stranger.token(), "Appointment/" + id + "/$cancel", "{\"resourceType\":\"Parameters\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(fhir(null, "Appointment/" + id).statusCode()).isEqualTo(401);
        var booking = FHIR.newJsonParser().encodeResourceToString(booking(slot, owner.id()));
        assertThat(fhirPost(stranger.token(), "Appointment", booking).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aDoctorsCalendarIsAScheduleReadAndFoundByActorAnonymously() {
        String id = doctor.id().value().toString();
        var read = fhir(null, "Schedule/" + id);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertValid(read.body());
        var found = client(null)
                .search()
                .forResource(Schedule.class)
                .where(Schedule.ACTOR.hasId("PractitionerRole/" + id))
                .and(Schedule.DATE.afterOrEquals().day(tomorrow()))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(ids(found)).containsExactly(id);
        assertValid(found);
        var byPerson =
                fhir(null, "Schedule?actor=Practitioner/" + doctor.userId().value());
        assertThat(ids(bundle(byPerson))).containsExactly(id);
        assertThat(ids(bundle(fhir(null, "Schedule?actor=PractitionerRole/" + id + "&date=lt2001-01-01"))))
                .isEmpty();
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(entry -> entry.getResource().getIdElement().getIdPart())
                .toList();
    }
}
