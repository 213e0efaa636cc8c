package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;

/**
 * The patient's access log (SPEC G3): the page of who opened their record and the API on the same
 * facade, read by the patient (or parent) alone.
 */
class AccessAuditIT extends AccessSupport {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void thePatientSeesInPlainWordsWhoOpenedTheRecordFilteredAndPagedWithTheEmergencyMarked() {
        LocalDate day = LocalDate.now(MOSCOW).minusDays(3);
        clock.freezeAt(day.atTime(LocalTime.of(10, 12)).atZone(MOSCOW).toInstant());
        String clinicName = "Поликлиника №" + UUID.randomUUID().toString().substring(0, 4);
        var clinic = TestClinics.register(clinics, clinicName, "Europe/Moscow").id();
        var doctor = doctor(clinic);
        var owner = patient();
        TestCare.refer(patientReferrals, owner.patient(), doctor.view(), clock.instant());
        var opened = getAs(doctor.token(), "/api/v1/patients/" + owner.id() + "/record");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);

        clock.advance(Duration.ofHours(1));
        var stranger = doctor(clinic());
        var emergency = postAs(
                stranger.token(),
                "/api/v1/patients/" + owner.id() + "/emergency-access",
                map("reason", "Без сознания, нужны сведения об аллергиях"));
        assertThat(emergency.statusCode()).as(emergency.body()).isEqualTo(201);
        assertThat(getAs(stranger.token(), "/api/v1/patients/" + owner.id() + "/record")
                        .statusCode())
                .isEqualTo(200);

        clock.advance(Duration.ofDays(1));
        var me = again(owner);
        String session = session(me.token());
        String path = "/record/" + owner.id() + "/access-log";

        var page = page(session, path);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String when = DateTimeFormatter.ofPattern("d MMMM 'в' HH:mm", Locale.forLanguageTag("ru"))
                .format(day.atTime(10, 12));
        assertThat(page.body())
                .containsPattern("Врач Врачев И\\., " + clinicName + "[^,<]*, открыл\\(а\\) медицинскую карту, " + when)
                .contains("Экстренный доступ")
                .contains("Без сознания, нужны сведения об аллергиях")
                .contains("list-group-item-danger emergency");

        var onlyEmergency = page(session, path + "?kind=EMERGENCY");
        assertThat(onlyEmergency.body()).contains("emergency").doesNotContain("Врач Врачев И., " + clinicName);
        var api = body(getAs(me.token(), "/api/v1/patients/" + owner.id() + "/access-log?kind=EMERGENCY"));
        assertThat(api.size()).isPositive();
        api.forEach(line -> assertThat(line.get("emergency").asBoolean()).isTrue());

        var later = page(session, path + "?from=" + day.plusDays(1) + "&kind=CLINIC");
        assertThat(later.body()).contains("access-log-empty").doesNotContain("Врачев");
        var earlier = page(session, path + "?from=" + day + "&to=" + day + "&kind=CLINIC");
        assertThat(earlier.body()).contains("Врач Врачев И., " + clinicName);
    }

    @Test
    void theLogIsPagedTwentyLinesAPageByTheLastLineSoReadingItRepeatsNoLine() {
        var owner = patient();
        for (int i = 0; i < 25; i++) {
            access.require(owner.user(), owner.patient(), RecordAction.VIEW);
        }
        String api = "/api/v1/patients/" + owner.id() + "/access-log";
        var first = body(getAs(owner.token(), api));
        assertThat(first.size()).isEqualTo(20);
        long last = first.get(19).get("seq").asLong();
        var seen = new java.util.HashSet<Long>();
        first.forEach(line -> seen.add(line.get("seq").asLong()));
        // Each reading of the log is itself a line, newer than every line read before: an offset
        // would have shown the first page's last line again; the key does not.
        var second = body(getAs(owner.token(), api + "?before=" + last));
        assertThat(second.size()).isBetween(6, 20);
        second.forEach(line -> {
            assertThat(seen.add(line.get("seq").asLong())).isTrue();
            assertThat(line.get("seq").asLong()).isLessThan(last);
        });

        String session = session(owner.token());
        var page = page(session, "/record/" + owner.id() + "/access-log");
        assertThat(page.body()).contains("access-log-older").doesNotContain("access-log-newer");
        String older = page.body().replaceAll("(?s).*id=\"access-log-older\"[^>]*href=\"[^\"]*before=(\\d+).*", "$1");
        var next = page(session, "/record/" + owner.id() + "/access-log?before=" + older);
        assertThat(next.body()).contains("access-log-newer").contains("Вы открыли медицинскую карту");
    }

    @Test
    void aLineSaysWhatTheReaderDidNotOnlyThatTheyOpenedAndAClinicInAnotherZoneSaysItsTime() {
        LocalDate day = LocalDate.now(MOSCOW).minusDays(2);
        clock.freezeAt(day.atTime(LocalTime.of(10, 12)).atZone(MOSCOW).toInstant());
        String clinicName = "Поликлиника Екб №" + UUID.randomUUID().toString().substring(0, 4);
        var clinic =
                TestClinics.register(clinics, clinicName, "Asia/Yekaterinburg").id();
        var doctor = doctor(clinic);
        var owner = patient();
        TestCare.refer(patientReferrals, owner.patient(), doctor.view(), clock.instant());
        assertThat(getAs(doctor.token(), "/api/v1/patients/" + owner.id() + "/record")
                        .statusCode())
                .isEqualTo(200);
        access.require(doctor.user(), owner.patient(), RecordAction.WRITE);
        access.require(doctor.user(), owner.patient(), RecordAction.DOWNLOAD);

        var me = again(owner);
        String body = page(session(me.token()), "/record/" + owner.id() + "/access-log")
                .body();
        String when = DateTimeFormatter.ofPattern("d MMMM 'в' HH:mm", Locale.forLanguageTag("ru"))
                .format(day.atTime(12, 12));
        assertThat(body)
                .contains("открыл(а) медицинскую карту, " + when + " (время клиники, UTC+5)")
                .contains("внёс(ла) сведения в медицинскую карту")
                .contains("скачал(а) медицинскую карту");
        var lines = body(getAs(me.token(), "/api/v1/patients/" + owner.id() + "/access-log?kind=CLINIC"));
        var deeds = new java.util.HashSet<String>();
        lines.forEach(line -> deeds.add(line.get("deed").asString()));
        assertThat(deeds).contains("opened", "added", "downloaded");
    }

    @Test
    void badFiltersAreToldBesideTheirFieldsNeverAsAServerError() {
        var owner = patient();
        String session = session(owner.token());
        String path = "/record/" + owner.id() + "/access-log";

        var reversed = page(session, path + "?from=2026-12-05&to=2026-12-01");
        assertThat(reversed.statusCode()).isEqualTo(200);
        assertThat(reversed.body()).contains("id=\"to-error\"").contains("не раньше даты");
        var malformed = page(session, path + "?from=2026-13-45&kind=NOBODY&before=x");
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(malformed.body())
                .contains("id=\"from-error\"")
                .contains("id=\"kind-error\"")
                .contains("id=\"before-error\"");

        var farOff = page(session, path + "?to=%2B999999999-12-31");
        assertThat(farOff.statusCode()).isEqualTo(200);
        assertThat(farOff.body()).contains("id=\"to-error\"");
        var farOffApi = getAs(owner.token(), "/api/v1/patients/" + owner.id() + "/access-log?from=%2B300000-01-01");
        assertThat(farOffApi.statusCode()).isBetween(400, 499);
        assertThat(body(farOffApi).get("field").asString()).isEqualTo("from");

        var api = getAs(owner.token(), "/api/v1/patients/" + owner.id() + "/access-log?from=04.12.2026");
        assertThat(api.statusCode()).isBetween(400, 499);
        assertThat(body(api).get("field").asString()).isEqualTo("from");
    }

    @Test
    void anotherPatientAndStaffWithoutAccessGetNotFound() {
        var owner = patient();
        var other = patient();
        var clinic = clinic();
        var outsider = doctor(clinic);
        var admin = clinicAdministrator(clinic);
        String path = "/record/" + owner.id() + "/access-log";

        assertThat(page(session(other.token()), path).statusCode()).isEqualTo(404);
        assertThat(page(session(outsider.token()), path).statusCode()).isEqualTo(404);
        assertThat(page(session(admin.token()), path).statusCode()).isEqualTo(404);
        assertThat(getAs(other.token(), "/api/v1/patients/" + owner.id() + "/access-log")
                        .statusCode())
                .isEqualTo(404);
        // The other patient's refused attempt is not the owner's own, and does not name them.
        var log = page(session(owner.token()), path);
        assertThat(log.body()).doesNotContain("Вы пытались").contains("Пользователь пытался");
        assertThat(page(session(owner.token()), path + "?kind=SELF").body()).doesNotContain("пытался");
    }

    @Test
    void aParentSeesTheChildsLog() {
        var parent = patient();
        var child = child(parent, LocalDate.now(MOSCOW).minusYears(5));
        var page = page(session(parent.token()), "/record/" + child.value() + "/access-log");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Кто открывал мою карту");
    }

    private java.net.http.HttpResponse<String> page(String session, String path) {
        return get(path, "Accept", "text/html", "Cookie", session);
    }

    @Test
    void thePatientReadsTheirAccessLogAndNobodyElseDoes() {
        var owner = patient();
        var grantee = patient();
        grant(owner, owner.patient(), grantee, "VIEW");
        access.require(grantee.user(), owner.patient(), RecordAction.VIEW);

        var log = getAs(owner.token(), "/api/v1/patients/" + owner.id() + "/access-log");
        assertThat(log.statusCode()).isEqualTo(200);
        var actors = new ArrayList<String>();
        body(log)
                .forEach(line -> actors.add(
                        line.get("actor").asString() + " " + line.get("role").asString()));
        assertThat(actors).contains(grantee.user().userId().value() + " GRANTEE");
        assertThat(getAs(grantee.token(), "/api/v1/patients/" + owner.id() + "/access-log")
                        .statusCode())
                .isEqualTo(403);
        assertThat(getAs(patient().token(), "/api/v1/patients/" + owner.id() + "/access-log")
                        .statusCode())
                .isEqualTo(404);
    }
}
