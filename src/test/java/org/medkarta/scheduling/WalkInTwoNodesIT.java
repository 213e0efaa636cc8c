package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medkarta.MedkartaApplication;
import org.medkarta.scheduling.Fixtures.TestDoctor;
import org.medkarta.scheduling.Fixtures.TestPatient;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The walk-in queue on two nodes over one database (issue 19): tickets taken on both are numbered
 * without a repeat, two doctors pressing "next" at once on different nodes never call one ticket
 * twice nor skip one, and tickets taken on a node that then stops are all called from the other.
 * The second node is the whole application started again in this JVM on the test run's database.
 */
class WalkInTwoNodesIT extends SchedulingSupport {

    private static ConfigurableApplicationContext secondNode;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    WalkInQueues walkIns;

    @BeforeAll
    static void startTheSecondNode() {
        secondNode = new SpringApplicationBuilder(MedkartaApplication.class)
                .properties("server.port=0")
                .run();
    }

    @AfterAll
    static void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void twoNodesNumberTicketsOnceCallEachOnceAndLoseNoneWhenOneStops() throws Exception {
        var clinic = clinic("Europe/Moscow");
        var first = doctor(clinic, "therapist", "REGION");
        var second = doctor(clinic, "therapist", "REGION");
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        String queue = walkIns.open(
                        admin,
                        clinic.id(),
                        new WalkInQueueForm(
                                "Дежурный терапевт",
                                "therapist",
                                "12",
                                LocalDate.now(clinic.zone()).toString(),
                                "00:00",
                                "23:59",
                                List.of(first.id(), second.id())))
                .id()
                .toString();
        var patients = new ArrayList<TestPatient>();
        for (int i = 0; i < 20; i++) {
            patients.add(patient());
        }
        int other = ((WebServerApplicationContext) secondNode).getWebServer().getPort();

        var taken = WalkInSupport.all(patients.stream()
                .map(p -> (Callable<HttpResponse<String>>) () -> send(
                        patients.indexOf(p) % 2 == 0 ? port : other,
                        p.token(),
                        "/api/v1/walk-in-queues/" + queue + "/tickets"))
                .toList());
        assertThat(taken).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(new HashSet<>(taken.stream()
                        .map(a -> body(a).get("number").asString())
                        .toList()))
                .hasSize(20);

        var called = Collections.synchronizedList(new ArrayList<String>());
        WalkInSupport.all(List.of(serve(first, port, queue, called), serve(second, other, queue, called)));
        assertThat(called)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        taken.stream().map(a -> body(a).get("id").asString()).toList());

        // Tickets taken on the second node, which then stops: the first calls every one, in turn.
        var late = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            var answer = send(other, patient().token(), "/api/v1/walk-in-queues/" + queue + "/tickets");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            late.add(body(answer).get("number").asString());
        }
        secondNode.close();
        secondNode = null;
        var after = new ArrayList<String>();
        HttpResponse<String> next;
        while ((next = send(port, first.token(), "/api/v1/walk-in-queues/" + queue + "/call-next")).statusCode()
                == 200) {
            after.add(body(next).get("number").asString());
            var done = send(
                    port,
                    first.token(),
                    "/api/v1/walk-in-tickets/" + body(next).get("id").asString() + "/finish");
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        }
        assertThat(next.statusCode()).isEqualTo(204);
        assertThat(after).containsExactlyElementsOf(late).containsExactly("Т-021", "Т-022", "Т-023");
    }

    private Callable<Void> serve(TestDoctor doctor, int node, String queue, List<String> called) {
        return () -> {
            while (true) {
                var next = send(node, doctor.token(), "/api/v1/walk-in-queues/" + queue + "/call-next");
                if (next.statusCode() == 204) {
                    return null;
                }
                assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
                String ticket = body(next).get("id").asString();
                called.add(ticket);
                var done = send(node, doctor.token(), "/api/v1/walk-in-tickets/" + ticket + "/finish");
                assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            }
        };
    }

    private static HttpResponse<String> send(int node, String token, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + node + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
