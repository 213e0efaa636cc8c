package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link WalkInTickets}: walk-in tickets on the phone and at the kiosk (SPEC C9, seed 002; issue 19). */
class WalkInTicketsIT extends WalkInSupport {

    @Test
    void ticketsAreNumberedInTurnAndTheWaitIsEstimatedFromRecentVisits() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        String queue = openQueue(clinic, List.of(doctor), "00:00", "23:59");
        var patients = IntStream.range(0, 3).mapToObj(i -> patient()).toList();

        var first = take(patients.get(0), queue);
        var second = take(patients.get(1), queue);
        var third = take(patients.get(2), queue);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(body(first).get("number").asString()).isEqualTo("Т-001");
        assertThat(body(third).get("number").asString()).isEqualTo("Т-003");
        // Before any visit: 15 minutes a patient, one doctor on duty.
        assertThat(body(first).get("position").asInt()).isEqualTo(1);
        assertThat(body(first).get("estimatedWaitMinutes").asInt()).isEqualTo(15);
        assertThat(body(third).get("position").asInt()).isEqualTo(3);
        assertThat(body(third).get("estimatedWaitMinutes").asInt()).isEqualTo(45);

        var called = callNext(doctor, queue);
        assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
        assertThat(body(called).get("id").asString())
                .isEqualTo(body(first).get("id").asString());
        assertThat(body(called).get("room").asString()).isEqualTo("12");
        clock.advance(Duration.ofMinutes(6));
        var finished = postAs(doctor.token(), "/api/v1/walk-in-tickets/" + id(first) + "/finish", map());
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
        assertThat(body(finished).get("status").asString()).isEqualTo("SERVED");

        var mine = getAs(patients.get(1).token(), "/api/v1/walk-in-tickets/" + id(second));
        assertThat(body(mine).get("position").asInt()).isEqualTo(1);
        assertThat(body(mine).get("estimatedWaitMinutes").asInt()).isEqualTo(6);
        assertThat(body(mine).has("patientName")
                        && !body(mine).get("patientName").isNull())
                .as("the patient's own view names nobody")
                .isFalse();
    }

    @Test
    void parallelTicketsGetDistinctNumbersWithNoGaps() throws Exception {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        String queue = openQueue(clinic, List.of(doctor), "00:00", "23:59");
        var patients = IntStream.range(0, 30).mapToObj(i -> patient()).toList();

        var answers = all(patients.stream()
                .map(p -> (Callable<HttpResponse<String>>) () -> take(p, queue))
                .toList());

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201);
        var numbers =
                answers.stream().map(a -> body(a).get("number").asString()).toList();
        assertThat(new HashSet<>(numbers)).hasSize(30);
        assertThat(numbers).contains("Т-001", "Т-030");
    }

    @Test
    void aPatientHoldsOneTicketPerQueueAndTakesNoneAfterHours() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        String queue = openQueue(clinic, List.of(doctor), "00:00", "23:59");
        var patient = patient();
        String ticket = id(take(patient, queue));

        var again = take(patient, queue);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problem(again)).isEqualTo("walk-in-ticket-held");
        assertThat(body(again).get("ticketId").asString()).isEqualTo(ticket);

        String closed = openQueue(clinic, List.of(doctor), "00:00", "00:01");
        var late = take(patient, closed);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(problem(late)).isEqualTo("walk-in-closed");
    }

    @Test
    void theKioskTakesATicketByPolicyNumberAndBirthDateAndNamesNoOneOtherwise() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        UUID queue = UUID.fromString(openQueue(clinic, List.of(doctor), "00:00", "23:59"));
        var patient = patient();
        String oms = String.valueOf(1_000_000_000_000_000L + (long) (Math.random() * 8_000_000_000_000_000L));
        var added = postAs(
                patient.token(), "/api/v1/patients/" + patient.id() + "/policies", map("kind", "OMS", "number", oms));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

        assertThatThrownBy(() -> walkInTickets.kioskByPolicy(queue, oms, "1999-09-09"))
                .isInstanceOfSatisfying(
                        org.medkarta.shared.InvalidInput.class,
                        refused -> assertThat(refused.errors())
                                .extracting(org.medkarta.shared.InvalidInput.FieldError::field)
                                .containsExactly("policy"));
        var ticket = walkInTickets.kioskByPolicy(queue, oms.substring(0, 4) + " " + oms.substring(4), "1980-01-02");
        assertThat(ticket.number()).isEqualTo("Т-001");
        assertThat(ticket.channel()).isEqualTo(WalkInChannel.KIOSK);
        assertThat(ticket.patientId()).isEqualTo(patient.account().patientId());
        assertThat(ticket.patientName()).isNull();
    }

    @Test
    void aWrongCodeAtTheKioskCountsTowardsTheSignInLimit() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        UUID queue = UUID.fromString(openQueue(clinic, List.of(doctor), "00:00", "23:59"));
        var patient = patient();
        var kiosk = new org.medkarta.identity.ClientInfo("127.0.0.1", "kiosk");
        walkInTickets.kioskCode(queue, patient.phone(), kiosk, java.util.Locale.forLanguageTag("ru"));
        String wrong =
                org.medkarta.testing.Outbox.latestCode(outbox, patient.phone()).equals("000000") ? "111111" : "000000";

        var first = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.medkarta.shared.DomainException.class,
                () -> walkInTickets.kioskByCode(queue, patient.phone(), wrong, kiosk));
        var second = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.medkarta.shared.DomainException.class,
                () -> walkInTickets.kioskByCode(queue, patient.phone(), wrong, kiosk));

        assertThat(first.problem()).isEqualTo("wrong-code");
        assertThat(((Number) second.properties().get("attemptsLeft")).intValue())
                .isEqualTo(((Number) first.properties().get("attemptsLeft")).intValue() - 1);
        var ticket = walkInTickets.kioskByCode(
                queue, patient.phone(), org.medkarta.testing.Outbox.latestCode(outbox, patient.phone()), kiosk);
        assertThat(ticket.number()).isEqualTo("Т-001");
    }
}
