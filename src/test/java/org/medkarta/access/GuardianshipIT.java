package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;

/**
 * Children and their parents (SPEC E11, F3; order 003 §23.2): the parent's access ends by itself at
 * midnight in Moscow on the 15th birthday, decided at each request; 29 February birthdays fall on
 * 28 February in common years (Civil Code art. 192 §3, see shared Ages).
 */
class GuardianshipIT extends AccessSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.medkarta.notification.Notifications notifications;

    @Test
    void theParentsAccessEndsAtMidnightOnTheFifteenthBirthdayWithoutAnyJob() {
        var parent = patient();
        LocalDate birthday = LocalDate.now(access_zone()).plusDays(3);
        PatientId child = child(parent, birthday.minusYears(15));
        Instant midnight = birthday.atStartOfDay(access_zone()).toInstant();

        clock.freezeAt(midnight.minusSeconds(1));
        var decision = access.require(parent.user(), child, RecordAction.ACT_FOR);
        assertThat(decision.relation()).isEqualTo(Relation.PARENT);
        var fresh = again(parent);
        assertThat(getAs(fresh.token(), "/api/v1/patients/" + child.value() + "/grants")
                        .statusCode())
                .isEqualTo(200);
        assertThat(getAs(fresh.token(), "/api/v1/me").body())
                .contains(child.value().toString());

        clock.freezeAt(midnight);
        assertThatThrownBy(() -> access.require(parent.user(), child, RecordAction.VIEW))
                .isInstanceOf(NotFound.class);
        fresh = again(parent);
        assertThat(getAs(fresh.token(), "/api/v1/patients/" + child.value() + "/grants")
                        .statusCode())
                .isEqualTo(404);
        assertThat(getAs(fresh.token(), "/api/v1/me").body())
                .doesNotContain(child.value().toString());
    }

    @Test
    void aChildBornOnTheTwentyNinthOfFebruaryTurnsFifteenOnTheTwentyEighthInACommonYear() {
        clock.freezeAt(Instant.parse("2027-02-10T09:00:00Z"));
        var parent = again(patient());
        PatientId child = child(parent, LocalDate.of(2012, 2, 29));

        // 27 February 2027, 23:59:59 in Moscow: still 14.
        clock.freezeAt(Instant.parse("2027-02-27T20:59:59Z"));
        assertThat(access.require(parent.user(), child, RecordAction.VIEW).relation())
                .isEqualTo(Relation.PARENT);
        // 28 February 2027, 00:00 in Moscow: 15 (Civil Code art. 192 §3, see Ages).
        clock.freezeAt(Instant.parse("2027-02-27T21:00:00Z"));
        assertThatThrownBy(() -> access.require(parent.user(), child, RecordAction.VIEW))
                .isInstanceOf(NotFound.class);
        var children = getAs(again(parent).token(), "/api/v1/children");
        assertThat(body(children).get(0).get("accessEnds").asString()).isEqualTo("2027-02-28");
        assertThat(body(children).get(0).get("parentAccess").asBoolean()).isFalse();
    }

    @Test
    void aChildOfFifteenGetsTheirOwnPhoneAtTheClinicAndSignsInThemselves() {
        var parent = patient();
        var admin = clinicAdministrator(clinic());
        LocalDate born = LocalDate.now(access_zone()).minusYears(15).plusDays(2);
        var linked = postAs(
                admin.token(),
                "/api/v1/guardianships",
                map(
                        "parentPhone",
                        parent.phone(),
                        "lastName",
                        "Сидоров",
                        "firstName",
                        "Коля",
                        "birthDate",
                        born.toString()));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        String child = body(linked).get("patientId").asString();
        assertThat(getAs(parent.token(), "/api/v1/me").body()).contains(child);
        String phone = Phones.unique();

        var early = postAs(admin.token(), "/api/v1/patients/" + child + "/own-phone", Map.of("phone", phone));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(problem(early)).isEqualTo("child-under-age");

        clock.advance(java.time.Duration.ofDays(3));
        admin = again(admin);
        var given = postAs(admin.token(), "/api/v1/patients/" + child + "/own-phone", Map.of("phone", phone));
        assertThat(given.statusCode()).as(given.body()).isEqualTo(204);
        post("/api/v1/auth/otp", Map.of("phone", phone));
        var tokens = post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", Outbox.latestCode(outbox, phone)));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        var me = body(getAs(body(tokens).get("accessToken").asString(), "/api/v1/me"));
        assertThat(me.get("patientId").asString()).isEqualTo(child);
        assertThat(me.get("records").get(0).get("relation").asString()).isEqualTo("SELF");
        assertThat(getAs(again(parent).token(), "/api/v1/me").body()).doesNotContain(child);
    }

    @Test
    void staffLinkAnExistingChildAndEveryWrongInputIsNamed() {
        var parent = patient();
        var admin = clinicAdministrator(clinic());

        var unknownParent = postAs(
                admin.token(),
                "/api/v1/guardianships",
                map("parentPhone", Phones.unique(), "childQuery", Phones.unique()));
        assertThat(unknownParent.statusCode()).isEqualTo(422);
        assertThat(body(unknownParent).get("field").asString()).isEqualTo("parentPhone");
        var adult = patient();
        var ofAge = postAs(
                admin.token(),
                "/api/v1/guardianships",
                map("parentPhone", parent.phone(), "childQuery", adult.phone()));
        assertThat(ofAge.statusCode()).isEqualTo(409);
        assertThat(problem(ofAge)).isEqualTo("child-of-age");
        var byPatient = postAs(parent.token(), "/api/v1/guardianships", map("parentPhone", parent.phone()));
        assertThat(byPatient.statusCode()).isEqualTo(403);

        var badSeries = postAs(
                parent.token(),
                "/api/v1/children",
                map(
                        "lastName",
                        "Иванов",
                        "firstName",
                        "Ваня",
                        "birthDate",
                        "2020-05-05",
                        "certificateSeries",
                        "4-МЮ",
                        "certificateNumber",
                        "12345"));
        assertThat(badSeries.statusCode()).isEqualTo(422);
        assertThat(body(badSeries).get("field").asString()).isEqualTo("certificateSeries");
        var tooOld = postAs(
                parent.token(),
                "/api/v1/children",
                map(
                        "lastName",
                        "Иванов",
                        "firstName",
                        "Ваня",
                        "birthDate",
                        "2000-05-05",
                        "certificateSeries",
                        "IV-МЮ",
                        "certificateNumber",
                        "123456"));
        assertThat(body(tooOld).get("field").asString()).isEqualTo("birthDate");
        var form = map(
                "lastName",
                "Иванов",
                "firstName",
                "Ваня",
                "birthDate",
                "2020-05-05",
                "certificateSeries",
                "II-АК",
                "certificateNumber",
                String.format(
                        "%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000)));
        assertThat(postAs(parent.token(), "/api/v1/children", form).statusCode())
                .isEqualTo(201);
        var twice = postAs(patient().token(), "/api/v1/children", form);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(problem(twice)).isEqualTo("certificate-used");
    }

    @Test
    void theDemoParentRepresentsAChildUnderFifteen() {
        var parent = identity.accounts().findPatients("+79990000002").get(0);
        var user = new org.medkarta.identity.SignedInUser(
                parent.userId(), "Мария", parent.patientId(), parent.roles(), "SMS_CODE");
        var records = access.records(user);
        assertThat(records).extracting(RecordRef::relation).containsExactly(Relation.SELF, Relation.PARENT);
        assertThat(access.require(user, records.get(1).patientId(), RecordAction.ACT_FOR)
                        .relation())
                .isEqualTo(Relation.PARENT);
    }

    @Test
    void fromTheFifteenthBirthdayAtMidnightTheChildIsToldAboutTheirAppointmentsNotTheParent() {
        LocalDate birthday = LocalDate.now(access_zone()).plusDays(4);
        remindersGoToTheChildFromMidnight(birthday.minusYears(15), birthday);
    }

    @Test
    void aChildBornOnTheTwentyNinthOfFebruaryIsToldFromTheTwentyEighthInACommonYear() {
        remindersGoToTheChildFromMidnight(LocalDate.of(2012, 2, 29), LocalDate.of(2027, 2, 28));
    }

    /**
     * The parent books the child's appointment at 02:00 on the 15th birthday, so that the day's
     * reminder falls due before midnight and the two-hour one exactly at midnight; who is told is
     * decided as each goes out.
     */
    private void remindersGoToTheChildFromMidnight(LocalDate born, LocalDate birthday) {
        java.time.ZoneId zone = access_zone();
        Instant midnight = birthday.atStartOfDay(zone).toInstant();
        clock.freezeAt(midnight.minus(java.time.Duration.ofDays(4)).plus(java.time.Duration.ofHours(12)));
        var parent = patient();
        PatientId child = child(parent, born);
        identity.registration().assignPhone(child, Phones.unique());
        var childAccount = identity.accounts().patient(child).orElseThrow();
        String parentPhone = identity.accounts()
                .account(parent.user().userId())
                .orElseThrow()
                .phone();

        var clinic = clinic();
        var doctor = doctor(clinic);
        var template = scheduleTemplates.createTemplate(
                PLATFORM,
                doctor.view().id(),
                new org.medkarta.scheduling.TemplateForm(
                        "Ночной приём",
                        birthday.minusDays(4).toString(),
                        birthday.plusDays(1).toString(),
                        java.util.List.of("1", "2", "3", "4", "5", "6", "7"),
                        "01:30",
                        "03:00",
                        30,
                        java.util.List.of(),
                        java.util.List.of(scheduleTemplates
                                .servicesOf(doctor.view().id())
                                .get(0)
                                .id()
                                .value()
                                .toString())));
        scheduleTemplates.activate(PLATFORM, template.id());
        Instant start = birthday.atTime(2, 0).atZone(zone).toInstant();
        var slots = getAs(
                parent.token(), "/api/v1/slots?doctorId=" + doctor.view().id().value() + "&limit=200");
        String slot = null;
        for (var found : body(slots)) {
            if (Instant.parse(found.get("start").asString()).equals(start)) {
                slot = found.get("id").asString();
            }
        }
        assertThat(slot).as(slots.body()).isNotNull();
        var booked = postAs(
                parent.token(),
                "/api/v1/appointments",
                map("slotId", slot, "patientId", child.value().toString(), "acceptClinicDocuments", true));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String appointment = body(booked).get("id").asString();
        String dayKey = "appointment-reminder:" + appointment + ":before-1440m:" + start.getEpochSecond();
        String soonKey = "appointment-reminder:" + appointment + ":before-120m:" + start.getEpochSecond();

        // 23:59:59 on the eve: still 14, the parent who booked is told.
        clock.freezeAt(midnight.minusSeconds(1));
        appointmentReminders.sendDueReminders();
        assertThat(notifications.delivery(dayKey + ":sms"))
                .hasValueSatisfying(sent -> assertThat(sent.to()).isEqualTo(parentPhone));
        assertThat(notifications.delivery(soonKey + ":sms")).isEmpty();

        // 00:00 on the birthday: 15, the child's own account is told, the parent no longer.
        clock.freezeAt(midnight);
        appointmentReminders.sendDueReminders();
        assertThat(notifications.delivery(soonKey + ":sms"))
                .hasValueSatisfying(sent -> assertThat(sent.to()).isEqualTo(childAccount.phone()));
        assertThat(notifications.notices(childAccount.userId()))
                .extracting(org.medkarta.notification.Notice::title)
                .contains("Скоро приём");
        assertThat(notifications.notices(parent.user().userId()))
                .extracting(org.medkarta.notification.Notice::title)
                .contains("Напоминание о приёме")
                .doesNotContain("Скоро приём");
        assertThat(Outbox.to(outbox, childAccount.phone(), 1))
                .anySatisfy(message -> assertThat(message.body())
                        .contains(birthday.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))));
    }

    private static java.time.ZoneId access_zone() {
        return java.time.ZoneId.of("Europe/Moscow");
    }
}
