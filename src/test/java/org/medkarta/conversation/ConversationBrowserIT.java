package org.medkarta.conversation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.files.Samples;

/**
 * A patient and a doctor in two browsers with Chromium's fake camera and microphone: they chat both
 * ways, connect a video call with frames flowing both ways, and hang up; a blocked WebSocket falls
 * back to polling.
 */
class ConversationBrowserIT extends ConversationBrowserSupport {

    @Test
    void aPatientAndADoctorChatBothWaysAndConnectAVideoCall() {
        var patient = patient();
        var doctor = doctor();
        var room = openRoom("Консультация терапевта", patient, doctor);
        String path = "/conversations/" + room.value();

        signInPatient(page, patient);
        page.navigate(url(path));
        Page doctorPage = doctorPage(path);
        for (Page each : List.of(page, doctorPage)) {
            assertThat(each.locator(".conversation-panel")).hasAttribute("data-link", "live");
        }

        page.locator(".conversation-text").fill("Здравствуйте! Болит горло третий день.");
        page.locator(".conversation-text").press("Enter");
        assertThat(doctorPage.locator(".conversation-message .text")).hasText("Здравствуйте! Болит горло третий день.");
        doctorPage.locator(".conversation-text").fill("Добрый день. Давайте посмотрим по видео.");
        doctorPage.locator(".conversation-send").click();
        assertThat(page.locator(".conversation-message:not(.mine) .text"))
                .hasText("Добрый день. Давайте посмотрим по видео.");
        // The doctor read the patient's message while the page was open.
        assertThat(page.locator(".conversation-message.mine .read-mark")).containsText("прочитано");

        doctorPage.locator(".call-video").click();
        assertThat(page.locator(".call-incoming")).isVisible();
        assertThat(page.locator(".call-incoming-text")).containsText("Доктор Демо");
        screenshot("incoming-call");
        page.locator(".call-accept").click();

        awaitMediaBothWays(page, doctorPage);
        assertThat(page.locator(".call-status")).hasText("Идёт звонок");
        screenshot("in-call");
        var active = conversationCalls.activeCall(room, doctor.userId()).orElseThrow();
        assertThat(active.mode()).isEqualTo(CallMode.VIDEO);
        assertThat(active.startedBy()).isEqualTo(patient.id());

        page.locator(".call-mute").click();
        assertThat(page.locator(".conversation-call")).hasAttribute("data-muted", "true");
        assertThat(page.locator(".call-mute")).hasText("Включить микрофон");
        page.locator(".call-camera").click();
        assertThat(page.locator(".conversation-call")).hasAttribute("data-camera-off", "true");

        doctorPage.locator(".call-hangup").click();
        for (Page each : List.of(page, doctorPage)) {
            assertThat(each.locator(".conversation-call")).hasAttribute("data-call-state", "idle");
            assertThat(each.locator(".call-status")).hasText("Звонок завершён");
        }
        assertThat(conversationCalls.calls(room))
                .singleElement()
                .satisfies(call -> assertThat(call.active()).isFalse());

        page.locator(".conversation-text").fill("Спасибо!");
        page.locator(".conversation-text").press("Enter");
        assertThat(doctorPage.locator(".conversation-message .text").last()).hasText("Спасибо!");
    }

    @Test
    void withWebSocketBlockedTheChatPollsAndCallsAreExplained() {
        var patient = patient();
        var doctor = doctor();
        var room = openRoom("Консультация", patient, doctor);
        signInPatient(page, patient);
        page.routeWebSocket("**/ws", socket -> socket.close());
        page.navigate(url("/conversations/" + room.value()));

        assertThat(page.locator(".conversation-panel")).hasAttribute("data-link", "polling");
        assertThat(page.locator(".call-video")).isDisabled();
        assertThat(page.locator(".call-status")).containsText("WebSocket");

        chatMessages.send(room, doctor.userId(), "Ответ придёт и без WebSocket");
        assertThat(page.locator(".conversation-message .text")).hasText("Ответ придёт и без WebSocket");
        page.locator(".conversation-text").fill("Вижу, спасибо");
        page.locator(".conversation-send").click();
        assertThat(page.locator(".conversation-message.mine .text")).hasText("Вижу, спасибо");
        assertThat(chatMessages.messages(room, doctor.userId(), null, 10))
                .extracting(MessageView::text)
                .containsExactly("Ответ придёт и без WebSocket", "Вижу, спасибо");

        page.locator(".conversation-file")
                .setInputFiles(new FilePayload("программа.pdf", "application/pdf", Samples.executable()));
        page.locator(".conversation-send").click();
        assertThat(page.locator(".conversation-file-error")).containsText("PDF");
        page.locator(".conversation-file").setInputFiles(new FilePayload("снимок.png", "image/png", Samples.png()));
        page.locator(".conversation-text").fill("Снимок горла");
        page.locator(".conversation-send").click();
        assertThat(page.locator(".conversation-message.mine a.file")).containsText("снимок.png");
        assertThat(page.locator(".conversation-file-error")).isEmpty();
        var download = page.waitForDownload(
                () -> page.locator(".conversation-message.mine a.file").click());
        assertThat(download.suggestedFilename()).isEqualTo("снимок.png");
    }

    @Test
    void onlyMembersOpenTheConversationPage() {
        var patient = patient();
        var doctor = doctor();
        var room = new RoomId(UUID.randomUUID());
        conversationRooms.open(
                room, "Чужая консультация", List.of(new Member(doctor.userId(), "DOCTOR", "Доктор Демо")));
        signInPatient(page, patient);

        var response = page.navigate(url("/conversations/" + room.value()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator(".conversation-panel")).hasCount(0);
    }

    @Test
    void theDeviceCheckShowsTheCameraAndTheMicrophoneLevel() {
        var patient = patient();
        signInPatient(page, patient);
        page.navigate(url("/device-check"));
        page.locator("#device-start").click();

        assertThat(page.locator(".device-check")).hasAttribute("data-result", "ok");
        page.waitForFunction("() => document.getElementById('device-preview').videoWidth > 0");
        assertThat(page.locator("#camera-state")).containsText("Камера работает");
        assertThat(page.locator(".device-check")).hasAttribute("data-connection", "ok");
        assertThat(page.locator("#device-list li")).not().hasCount(0);
        screenshot("device-check");
    }
}
