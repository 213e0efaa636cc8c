package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.medkarta.notification.Notice;
import org.medkarta.notification.Notifications;
import org.medkarta.scheduling.Fixtures.TestClinic;
import org.medkarta.scheduling.Fixtures.TestDoctor;
import org.medkarta.scheduling.Fixtures.TestPatient;
import org.medkarta.shared.ClinicCare;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/** Walk-in queue tests (SPEC C9, seed 002; issue 19): a queue opened, tickets taken and called through the API. */
abstract class WalkInSupport extends SchedulingSupport {

    @Autowired
    WalkInTickets walkInTickets;

    @Autowired
    WalkInBoards walkInBoards;

    @Autowired
    ClinicCare care;

    @Autowired
    Notifications notifications;

    @Autowired
    org.medkarta.notification.DevOutbox outbox;

    // ---------------------------------------------------------------- helpers

    String openQueue(TestClinic clinic, List<TestDoctor> doctors, String opens, String closes) {
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        var opened = postAs(
                identity.tokens().tokensFor(admin).accessToken(),
                "/api/v1/clinics/" + clinic.id().value() + "/walk-in-queues",
                map(
                        "name",
                        "Дежурный терапевт",
                        "specialty",
                        "therapist",
                        "room",
                        "12",
                        "day",
                        LocalDate.now(clinic.zone()).toString(),
                        "opensAt",
                        opens,
                        "closesAt",
                        closes,
                        "doctorIds",
                        doctors.stream().map(TestDoctor::id).toList()));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return body(opened).get("id").asString();
    }

    HttpResponse<String> take(TestPatient patient, String queue) {
        return postAs(patient.token(), "/api/v1/walk-in-queues/" + queue + "/tickets", map());
    }

    HttpResponse<String> callNext(TestDoctor doctor, String queue) {
        return postAs(doctor.token(), "/api/v1/walk-in-queues/" + queue + "/call-next", map());
    }

    String id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return body(response).get("id").asString();
    }

    List<String> titles(TestPatient patient) {
        return notifications.notices(patient.account().userId()).stream()
                .map(Notice::title)
                .toList();
    }

    List<String> noticeTexts(TestPatient patient) {
        return notifications.notices(patient.account().userId()).stream()
                .map(Notice::body)
                .toList();
    }
}
