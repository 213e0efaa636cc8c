package org.medkarta.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A call behind a NAT that lets nothing through but the TURN server (issue 21): the app is set to
 * relay-only calls ({@code medkarta.conversation.ice.relay-only}) with a real coturn ({@link
 * Coturn}) and the shared secret of {@code use-auth-secret}; the doctor and the patient connect a
 * video call in two Chromium browsers, each with the time-limited TURN credentials the app issued
 * it. Both peers' {@code getStats()} show a selected pair of relayed candidates on both ends, only
 * relayed candidates gathered, and audio and video bytes received and growing; coturn's log shows
 * both users' sessions. Needs Debian's coturn: {@code MEDKARTA_TEST_TURN=true} ({@code .ci/run}
 * installs it and sets that).
 */
@EnabledIfEnvironmentVariable(named = "MEDKARTA_TEST_TURN", matches = "true")
class TurnRelayBrowserIT extends ConversationBrowserSupport {

    private static Coturn coturn;

    @DynamicPropertySource
    static void turnServer(DynamicPropertyRegistry registry) {
        coturn = Coturn.start();
        registry.add("medkarta.conversation.ice.turn-urls", coturn::url);
        registry.add("medkarta.conversation.ice.turn-secret", () -> coturn.secret);
        registry.add("medkarta.conversation.ice.turn-ttl", () -> "10m");
        registry.add("medkarta.conversation.ice.relay-only", () -> "true");
    }

    @AfterAll
    static void stopTurnServer() {
        if (coturn != null) {
            coturn.stop();
        }
    }

    /** Keeps each page's peer connections where the test can ask them for their statistics. */
    static final String PEER_RECORDER = """
            (() => {
              const Native = window.RTCPeerConnection;
              window.medkartaPeers = [];
              window.RTCPeerConnection = class extends Native {
                constructor(...settings) { super(...settings); window.medkartaPeers.push(this); }
              };
            })();
            """;

    /** What the newest peer connection of a page says about its selected path and what arrived. */
    static final String PEER_STATS = """
            async () => {
              const pc = window.medkartaPeers[window.medkartaPeers.length - 1];
              const stats = await pc.getStats();
              const byId = new Map();
              stats.forEach((r) => byId.set(r.id, r));
              let pair = null;
              stats.forEach((r) => { if (r.type === 'transport' && r.selectedCandidatePairId) pair = byId.get(r.selectedCandidatePairId); });
              const local = pair ? byId.get(pair.localCandidateId) : {};
              const remote = pair ? byId.get(pair.remoteCandidateId) : {};
              const gathered = [];
              const received = {};
              stats.forEach((r) => {
                if (r.type === 'local-candidate') gathered.push(r.candidateType);
                if (r.type === 'inbound-rtp') received[r.kind] = (received[r.kind] || 0) + r.bytesReceived;
              });
              return {
                policy: pc.getConfiguration().iceTransportPolicy,
                local: local.candidateType || 'none',
                remote: remote.candidateType || 'none',
                turnServer: local.url || '',
                gathered: [...new Set(gathered)].join(','),
                audio: received.audio || 0,
                video: received.video || 0,
              };
            }
            """;

    @Test
    void aVideoCallForcedThroughTurnCarriesMediaBothWaysOverRelayedCandidates() {
        var patient = patient();
        var doctor = doctor();
        var room = openRoom("Консультация из-за NAT", patient, doctor);
        String path = "/conversations/" + room.value();
        context.addInitScript(PEER_RECORDER);
        signInPatient(page, patient);
        page.navigate(url(path));
        Page doctorPage = doctorPage(path);
        doctorPage.context().addInitScript(PEER_RECORDER);
        doctorPage.reload();
        for (Page each : List.of(page, doctorPage)) {
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(each.locator(".conversation-panel"))
                    .hasAttribute("data-link", "live");
        }

        doctorPage.locator(".call-video").click();
        page.locator(".call-accept").click();
        awaitMediaBothWays(page, doctorPage);

        var first = Map.of("patient", stats(page), "doctor", stats(doctorPage));
        var later = first;
        for (int look = 0; look < 50 && !grewEverywhere(first, later); look++) {
            page.waitForTimeout(200);
            later = Map.of("patient", stats(page), "doctor", stats(doctorPage));
        }
        System.out.printf("[turn] relay-only call through coturn on %d: %s, then %s%n", coturn.port, first, later);
        for (String side : List.of("patient", "doctor")) {
            var now = later.get(side);
            assertThat(now.get("policy")).as(side + ": the policy the app gave").isEqualTo("relay");
            assertThat(now.get("gathered")).as(side + ": candidates gathered").isEqualTo("relay");
            assertThat(now.get("local"))
                    .as(side + ": the local end of the selected pair")
                    .isEqualTo("relay");
            assertThat(now.get("remote"))
                    .as(side + ": the remote end of the selected pair")
                    .isEqualTo("relay");
            assertThat((String) now.get("turnServer"))
                    .as(side + ": through the app's TURN server")
                    .contains(":" + coturn.port);
            for (String kind : List.of("audio", "video")) {
                assertThat(bytes(now, kind))
                        .as(side + ": " + kind + " bytes received, and more later")
                        .isGreaterThan(bytes(first.get(side), kind))
                        .isPositive();
            }
        }
        // Each side authenticated with its own time-limited user (<expiry>:<user id>).
        assertThat(coturn.log())
                .contains(":" + patient.id().value(), ":" + doctor.userId().value());
    }

    private static boolean grewEverywhere(
            Map<String, Map<String, Object>> first, Map<String, Map<String, Object>> later) {
        for (String side : first.keySet()) {
            for (String kind : List.of("audio", "video")) {
                if (bytes(later.get(side), kind) <= bytes(first.get(side), kind)) {
                    return false;
                }
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stats(Page on) {
        return (Map<String, Object>) on.evaluate(PEER_STATS);
    }

    private static long bytes(Map<String, Object> stats, String kind) {
        return ((Number) stats.get(kind)).longValue();
    }
}
