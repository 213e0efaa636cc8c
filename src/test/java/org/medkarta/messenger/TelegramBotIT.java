package org.medkarta.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentReading;
import org.medkarta.scheduling.AppointmentReminders;
import org.medkarta.scheduling.AppointmentStatus;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TelegramStandIn;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Telegram bot (SPEC J4, issue 20) against the stand-in Bot API: Telegram's updates are posted
 * to the webhook as Telegram posts them, and what the bot says is read from the calls the stand-in
 * received. Linking by a one-time code, booking, moving and cancelling by buttons through the
 * scheduling rules, the refused secret, a chat that is not linked, and reminders in the chat.
 */
class TelegramBotIT extends ApiSupport {

    private static final AtomicLong UPDATES =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1L << 30));

    @Autowired
    TelegramLinks links;

    @Autowired
    IdentityFacades identity;

    @Autowired
    ClinicFacades clinics;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    SlotSearch slotSearch;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentReading appointmentReading;

    @Autowired
    AppointmentReminders appointmentReminders;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private SignedInUser patient(String firstName) {
        var registered = TestPatients.register(identity, "Телеграмова", firstName, null, Phones.unique(), "1990-04-12");
        return new SignedInUser(
                registered.userId(),
                firstName,
                registered.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
    }

    private DoctorView geriatrician() {
        var clinic = TestClinics.register(clinics, "Клиника бота");
        var doctor = TestCare.invite(
                clinics,
                TestClinics.PLATFORM,
                clinic.id(),
                new TestCare.NewDoctor("Ботов", "Пётр", null, "geriatrician", "REGION"));
        TestCare.addService(
                clinics,
                TestClinics.PLATFORM,
                doctor,
                "Консультация гериатра",
                "geriatrician",
                "PRIMARY",
                0L,
                "REGION");
        TestCare.openSchedule(scheduleTemplates, doctor.id());
        return doctor;
    }

    private static long newChat() {
        return ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000_000L);
    }

    private HttpResponse<String> webhook(String path, String token, String update) {
        var builder = request("/api/v1/bot/telegram/" + path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(update));
        if (token != null) {
            builder.header("X-Telegram-Bot-Api-Secret-Token", token);
        }
        return send(builder.build());
    }

    private void says(long chat, String language, String text) {
        says(chat, language, text, "private");
    }

    private void says(long chat, String language, String text, String chatType) {
        says(chat, language, text, chatType, UPDATES.incrementAndGet());
    }

    private void says(long chat, String language, String text, String chatType, long updateId) {
        var update = json.writeValueAsString(map(
                "update_id",
                updateId,
                "message",
                map(
                        "message_id",
                        1,
                        "date",
                        1,
                        "chat",
                        map("id", chat, "type", chatType),
                        "from",
                        map("id", chat, "is_bot", false, "first_name", "Анна", "language_code", language),
                        "text",
                        text)));
        var answer = webhook(TelegramStandIn.WEBHOOK_PATH, TelegramStandIn.SECRET_TOKEN, update);
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    private void presses(long chat, String data) {
        var update = json.writeValueAsString(map(
                "update_id", UPDATES.incrementAndGet(),
                "callback_query",
                        map(
                                "id",
                                "cq-" + UUID.randomUUID(),
                                "chat_instance",
                                "ci",
                                "data",
                                data,
                                "from",
                                map("id", chat, "is_bot", false, "first_name", "Анна", "language_code", "ru"),
                                "message",
                                map(
                                        "message_id",
                                        7,
                                        "date",
                                        1,
                                        "chat",
                                        map("id", chat, "type", "private"),
                                        "text",
                                        "…"))));
        var answer = webhook(TelegramStandIn.WEBHOOK_PATH, TelegramStandIn.SECRET_TOKEN, update);
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    /** The data of the last message's button whose data starts with {@code prefix}. */
    private static String button(long chat, String prefix) {
        return TelegramStandIn.lastTo(chat).buttons().stream()
                .map(TelegramStandIn.Button::data)
                .filter(data -> data != null && data.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button " + prefix + " in "
                        + TelegramStandIn.lastTo(chat).buttons()));
    }

    private long linked(SignedInUser patient, String language) {
        long chat = newChat();
        says(chat, language, "/start " + links.issueCode(patient).code());
        return chat;
    }

    @Test
    void aPatientLinksWithTheCodeBooksMovesAndCancelsThroughTheButtons() {
        var patient = patient("Анна");
        var doctor = geriatrician();
        var code = links.issueCode(patient);
        long chat = newChat();

        says(chat, "ru", "/start " + code.code());

        assertThat(code.deepLink()).isEqualTo("https://t.me/" + TelegramStandIn.BOT + "?start=" + code.code());
        assertThat(TelegramStandIn.sentTo(chat))
                .extracting(TelegramStandIn.Call::text)
                .contains("Telegram привязан к вашему аккаунту Медкарты.");
        assertThat(links.linkOf(patient)).isPresent();

        presses(chat, button(chat, "sp"));
        presses(chat, "s:geriatrician");
        presses(chat, "d:" + TelegramConversation.compact(doctor.id().value()));
        presses(chat, button(chat, "b:"));
        // The clinic's offer and consent are not accepted yet: the bot asks, as the booking page does.
        assertThat(TelegramStandIn.lastTo(chat).text()).contains("оферту");
        presses(chat, button(chat, "a:"));

        var booked = appointmentReading.appointments(patient, patient.patientId(), AppointmentStatus.BOOKED);
        assertThat(booked).hasSize(1);
        String said = TelegramStandIn.lastTo(chat).text();
        assertThat(said).startsWith("Вы записаны: ").contains("Ботов Пётр").contains("видеоконсультация");
        assertThat(said).doesNotContain("Консультация гериатра");

        presses(chat, "my");
        assertThat(TelegramStandIn.lastTo(chat).text()).contains("Ботов Пётр");
        presses(chat, button(chat, "m:"));
        presses(chat, TelegramStandIn.lastTo(chat).buttons().get(1).data());
        var moved = appointmentReading.appointment(patient, booked.get(0).id());
        assertThat(TelegramStandIn.lastTo(chat).text()).startsWith("Запись перенесена: ");
        assertThat(moved.start()).isNotEqualTo(booked.get(0).start());

        presses(chat, "my");
        presses(chat, button(chat, "c:"));
        assertThat(TelegramStandIn.lastTo(chat).text()).startsWith("Запись отменена: ");
        assertThat(appointmentReading.appointment(patient, booked.get(0).id()).status())
                .isEqualTo(AppointmentStatus.CANCELLED);
    }

    private String session(SignedInUser patient) {
        String token = TestPatients.tokenOf(
                identity, new org.medkarta.identity.Registered(patient.userId(), patient.patientId()), "Анна");
        var signedIn = get("/test/token-sign-in?token=" + token + "&continue=/profile/telegram");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return signedIn.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
    }

    /** A form posted as the page posts it, with the CSRF token the page carries. */
    private HttpResponse<String> postPage(String path, String cookie) {
        var page = get("/profile/telegram", "Cookie", cookie);
        var token = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();
        return send(request(path)
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                .build());
    }

    @Test
    void theAccountPageShowsAOneTimeCodeThatLinksAndUnlinksTheChat() {
        var patient = patient("Лидия");
        String cookie = session(patient);

        var before = get("/profile/telegram", "Cookie", cookie);
        var issued = postPage("/profile/telegram/code", cookie);
        String flashCookie = issued.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';')))
                .reduce(cookie, (a, b) -> a + "; " + b);
        var shown = get("/profile/telegram", "Cookie", flashCookie);
        var code = java.util.regex.Pattern.compile("id=\"telegram-code\">([A-Z0-9]{8})<")
                .matcher(shown.body());

        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("Получить код для привязки").doesNotContain("telegram-code\"");
        assertThat(issued.statusCode()).isEqualTo(302);
        assertThat(code.find()).as(shown.body()).isTrue();
        assertThat(shown.body()).contains("https://t.me/" + TelegramStandIn.BOT + "?start=" + code.group(1));

        long chat = newChat();
        says(chat, "ru", code.group(1));
        var linkedPage = get("/profile/telegram", "Cookie", cookie);
        var unlinked = postPage("/profile/telegram/unlink", cookie);

        assertThat(linkedPage.body()).contains("Telegram привязан").contains("Отвязать Telegram");
        assertThat(unlinked.statusCode()).isEqualTo(302);
        assertThat(links.linkOf(patient)).isEmpty();
        says(chat, "ru", "/appointments");
        assertThat(TelegramStandIn.lastTo(chat).text()).startsWith("Чтобы пользоваться ботом");
    }

    @Test
    void theBotSpeaksEnglishToAnEnglishTelegram() {
        var patient = patient("Ева");
        long chat = linked(patient, "en");

        says(chat, "en", "hello");

        assertThat(TelegramStandIn.sentTo(chat))
                .extracting(TelegramStandIn.Call::text)
                .contains("Telegram is linked to your Medkarta account.", "What would you like to do?");
    }

    @Test
    void aCodeLinksOnceUntilItExpiresAndAPhoneNumberLinksNothing() {
        var patient = patient("Вера");
        var code = links.issueCode(patient).code();
        long first = newChat();
        long second = newChat();
        long third = newChat();

        says(first, "ru", code);
        says(second, "ru", "/start " + code);
        says(third, "ru", "+7 999 123-45-67");
        var late = links.issueCode(patient("Нина")).code();
        clock.advance(Duration.ofMinutes(11));
        says(third, "ru", late);

        assertThat(TelegramStandIn.sentTo(first))
                .extracting(TelegramStandIn.Call::text)
                .contains("Telegram привязан к вашему аккаунту Медкарты.");
        assertThat(TelegramStandIn.lastTo(second).text()).startsWith("Код не подошёл");
        assertThat(TelegramStandIn.sentTo(third).get(0).text()).startsWith("Чтобы пользоваться ботом");
        assertThat(TelegramStandIn.lastTo(third).text()).startsWith("Код не подошёл");
    }

    @Test
    void aWrongSecretOrTokenIsABare404AndTheUpdateIsNotHandled() {
        var patient = patient("Ольга");
        var code = links.issueCode(patient).code();
        long chat = newChat();
        String update = json.writeValueAsString(map(
                "update_id", UPDATES.incrementAndGet(),
                "message",
                        map(
                                "message_id",
                                1,
                                "date",
                                1,
                                "chat",
                                map("id", chat, "type", "private"),
                                "from",
                                map("id", chat, "is_bot", false, "first_name", "X"),
                                "text",
                                "/start " + code)));

        var wrongPath = webhook("guess", TelegramStandIn.SECRET_TOKEN, update);
        var wrongToken = webhook(TelegramStandIn.WEBHOOK_PATH, "guess", update);
        var noToken = webhook(TelegramStandIn.WEBHOOK_PATH, null, update);

        for (var refused : List.of(wrongPath, wrongToken, noToken)) {
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.body()).isEmpty();
        }
        assertThat(TelegramStandIn.sentTo(chat)).isEmpty();
        assertThat(links.linkOf(patient)).isEmpty();
    }

    @Autowired
    TelegramHousekeeping housekeeping;

    @Test
    void aRedeliveredUpdateIsHandledOnceAndItsIdIsForgottenAfterTwoDays() {
        long stranger = newChat();
        long update = UPDATES.incrementAndGet();

        says(stranger, "ru", "/appointments", "private", update);
        says(stranger, "ru", "/appointments", "private", update);
        assertThat(TelegramStandIn.sentTo(stranger)).hasSize(1);

        clock.advance(TelegramHousekeeping.UPDATES_KEPT.minusMinutes(1));
        housekeeping.forget();
        says(stranger, "ru", "/appointments", "private", update);
        assertThat(TelegramStandIn.sentTo(stranger)).hasSize(1);

        // After a week without updates Telegram numbers the next one at random: an old id is a new update.
        clock.advance(Duration.ofMinutes(2));
        housekeeping.forget();
        says(stranger, "ru", "/appointments", "private", update);
        assertThat(TelegramStandIn.sentTo(stranger)).hasSize(2);
    }

    @Test
    void aChatThatIsNotLinkedGetsNothingButHowToLink() {
        var patient = patient("Мария");
        var doctor = geriatrician();
        var appointment = TestCare.appointment(slotSearch, booking, patient, doctor.id());
        long stranger = newChat();
        long group = -newChat();

        says(stranger, "ru", "/appointments");
        presses(stranger, "my");
        presses(stranger, "c:" + TelegramConversation.compact(appointment.id()));
        says(group, "ru", "/start " + links.issueCode(patient).code(), "group");

        assertThat(TelegramStandIn.sentTo(stranger)).hasSize(3).allSatisfy(call -> {
            assertThat(call.text()).startsWith("Чтобы пользоваться ботом");
            assertThat(call.buttons()).isEmpty();
        });
        assertThat(TelegramStandIn.sentTo(group)).isEmpty();
        assertThat(links.linkOf(patient)).isEmpty();
        assertThat(appointmentReading.appointment(patient, appointment.id()).status())
                .isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void remindersReachTheLinkedChatOnceAndStopWhenUnlinked() {
        var patient = patient("Зоя");
        var doctor = geriatrician();
        var appointment = TestCare.appointment(slotSearch, booking, patient, doctor.id());
        long chat = linked(patient, "ru");

        clock.freezeAt(appointment.start().minus(Duration.ofHours(23)));
        appointmentReminders.sendDueReminders();
        appointmentReminders.sendDueReminders();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(TelegramStandIn.sentTo(chat))
                        .filteredOn(call -> call.text().startsWith("Напоминание о приёме: "))
                        .hasSize(1)
                        .allSatisfy(call -> assertThat(call.text()).contains("Ботов Пётр")));

        links.unlink(patient);
        says(chat, "ru", "/appointments");
        clock.freezeAt(appointment.start().minus(Duration.ofMinutes(90)));
        appointmentReminders.sendDueReminders();
        assertThat(TelegramStandIn.lastTo(chat).text()).startsWith("Чтобы пользоваться ботом");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(TelegramStandIn.sentTo(chat))
                        .filteredOn(call -> call.text().startsWith("Напоминание о приёме: "))
                        .hasSize(1));
    }
}
