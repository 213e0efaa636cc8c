package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.TestStaff;

/** {@link WalkInQueues}: a clinic's walk-in queues and who goes first (SPEC C9; issue 19). */
class WalkInQueuesIT extends WalkInSupport {

    @Test
    void theClinicsPrioritiesPutPrivilegedThenPreBookedPatientsFirst() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        String queue = openQueue(clinic, List.of(doctor), "00:00", "23:59");
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        var registrar = TestStaff.registrar(identity, clinic.id());
        String registrarToken = identity.tokens().tokensFor(registrar).accessToken();
        var plain = patient();
        var veteran = patient();
        care.registered(registrar.userId(), veteran.account().patientId());

        // Without a setting the privilege counts for nothing: one line by number.
        assertThat(id(take(plain, queue))).isNotNull();
        var first = postAs(
                registrarToken,
                "/api/v1/walk-in-queues/" + queue + "/tickets",
                map("patientId", veteran.id(), "privileged", true));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(body(first).get("channel").asString()).isEqualTo("DESK");
        assertThat(body(first).get("position").asInt()).isEqualTo(2);

        var chosen = putAs(
                identity.tokens().tokensFor(admin).accessToken(),
                "/api/v1/clinics/" + clinic.id().value() + "/walk-in-settings",
                map("prebookedFirst", true, "privilegedFirst", true));
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        var late = patient();
        care.registered(registrar.userId(), late.account().patientId());
        var privileged = postAs(
                registrarToken,
                "/api/v1/walk-in-queues/" + queue + "/tickets",
                map("patientId", late.id(), "privileged", true));
        assertThat(body(privileged).get("position").asInt()).isEqualTo(1);
        assertThat(id(callNext(doctor, queue))).isEqualTo(id(privileged));

        // A patient may not claim a privilege on their own phone.
        var self = postAs(patient().token(), "/api/v1/walk-in-queues/" + queue + "/tickets", map("privileged", true));
        assertThat(body(self).get("position").asInt()).isEqualTo(3);
    }

    @Test
    void aQueueNamesEveryWrongFieldAndTakesOnlyDoctorsOfItsClinic() {
        var clinic = clinic("Europe/Moscow");
        var stranger = doctor(clinic("Europe/Moscow"), "therapist", "REGION");
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        var wrong = postAs(
                identity.tokens().tokensFor(admin).accessToken(),
                "/api/v1/clinics/" + clinic.id().value() + "/walk-in-queues",
                map(
                        "name", " ",
                        "specialty", "astrologer",
                        "room", "12",
                        "day", LocalDate.now(clinic.zone()).minusDays(1).toString(),
                        "opensAt", "20:00",
                        "closesAt", "08:00",
                        "doctorIds", List.of(stranger.id())));
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(422);
        assertThat(problem(wrong)).isEqualTo("invalid-input");
        assertThat(body(wrong).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "specialty", "day", "closesAt", "doctorIds");
        assertThat(postAs(stranger.token(), "/api/v1/clinics/" + clinic.id().value() + "/walk-in-queues", map())
                        .statusCode())
                .isEqualTo(404);
    }
}
