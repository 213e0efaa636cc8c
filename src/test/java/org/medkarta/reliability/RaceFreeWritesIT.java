package org.medkarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Registered;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.Delegations;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Get-or-create and replace writes asked for many times at once (issue 12, finding 3): every
 * request answers 2xx and exactly one row is left, where a delete-and-insert without a lock used to
 * collide on the unique key and answer 500.
 */
class RaceFreeWritesIT extends ApiSupport {

    private static final int PARALLEL = 16;

    @Autowired
    private IdentityFacades identity;

    @Autowired
    private DevOutbox outbox;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void sixteenFirstCalendarFeedRequestsOfANewPatientAllAnswerWithOneFeed() throws Exception {
        var patient = patient();
        var answers = atOnce(() -> getAs(patient.token(), "/api/v1/calendar-feed"));

        assertThat(answers)
                .allSatisfy(answer ->
                        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        assertThat(answers.stream()
                        .map(answer -> body(answer).get("url").asString())
                        .distinct())
                .hasSize(1);
        assertThat(feeds(patient)).isEqualTo(1);
    }

    @Test
    void sixteenCalendarFeedRenewalsAtOnceAllAnswerAndLeaveOneFeedThatWorks() throws Exception {
        var patient = patient();
        var answers = atOnce(() -> send(request("/api/v1/calendar-feed/renew")
                .header("Authorization", "Bearer " + patient.token())
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build()));

        assertThat(answers)
                .allSatisfy(answer ->
                        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        assertThat(feeds(patient)).isEqualTo(1);
        String url =
                body(getAs(patient.token(), "/api/v1/calendar-feed")).get("url").asString();
        var feed = get(url.substring(url.indexOf("/calendar/")));
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR");
    }

    @Test
    void sixteenRevocationCodeRequestsAtOnceAllAnswerAndLeaveOneCode() throws Exception {
        var owner = patient();
        var grantee = patient();
        UUID grant = Delegations.grant(
                this,
                outbox,
                new Delegations.Holder(owner.token(), owner.phone()),
                owner.account().patientId(),
                new Delegations.Holder(grantee.token(), grantee.phone()),
                "VIEW");

        var answers = atOnce(
                () -> post("/api/v1/grants/" + grant + "/revoke", map(), "Authorization", "Bearer " + owner.token()));

        assertThat(answers)
                .allSatisfy(answer ->
                        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_code WHERE grant_id = :grant AND purpose = 'REVOKE'")
                        .param("grant", grant)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private record Patient(Registered account, String phone, String token) {}

    private Patient patient() {
        String phone = Phones.unique();
        var account = TestPatients.register(identity, "Гонкин", "Пётр", null, phone, "1980-01-02");
        var user = new SignedInUser(
                account.userId(), "Пётр", account.patientId(), List.of(new RoleGrant(Role.PATIENT, null)), "SMS_CODE");
        return new Patient(account, phone, identity.tokens().tokensFor(user).accessToken());
    }

    private long feeds(Patient patient) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduling_calendar_feed WHERE patient_id = :patient")
                .param("patient", patient.account().patientId().value())
                .query(Long.class)
                .single();
    }

    /** The same request sixteen times, released together. */
    private static List<HttpResponse<String>> atOnce(Callable<HttpResponse<String>> request) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            var futures = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < PARALLEL; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            var answers = new ArrayList<HttpResponse<String>>();
            for (var future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
