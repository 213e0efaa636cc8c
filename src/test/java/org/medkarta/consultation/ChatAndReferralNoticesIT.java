package org.medkarta.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.medkarta.conversation.MessageSent;
import org.medkarta.conversation.RoomId;
import org.medkarta.notification.Channel;
import org.medkarta.notification.DevOutbox;
import org.medkarta.notification.Notice;
import org.medkarta.notification.Notifications;
import org.medkarta.notification.OutboundMessage;
import org.medkarta.testing.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notices of a doctor's chat message and of a referral (SPEC H2, issue 23): by SMS, e-mail and in
 * the app, in the patient's language, never with medical text, and at most one about the chat per
 * consultation per 15 minutes, however many nodes take the messages at once.
 */
class ChatAndReferralNoticesIT extends ConsultationSupport {

    private static final String CHAT_RU = "У вас новое сообщение от врача в Медкарте";
    private static final String CHAT_EN = "You have a new message from your doctor in Medkarta";
    private static final String REFERRAL_RU = "направление к специалисту";
    private static final String REFERRAL_EN = "referral to a specialist";

    @Autowired
    DevOutbox outbox;

    @Autowired
    Notifications notifications;

    @Autowired
    ChatNotices chatNotices;

    @Autowired
    JdbcClient jdbc;

    record Taken(TestDoctor doctor, TestPatient patient, UUID id, String base) {}

    /** A consultation taken into work, its chat open, with the clock frozen at the taking. */
    Taken taken(String lastName) {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient(lastName);
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(0), null);
        var id = UUID.fromString(c.get("id").asString());
        clock.freezeAt(start(c).minus(Duration.ofMinutes(10)));
        String base = "/api/v1/consultations/" + id;
        var take = postAs(doctor.token(), base + "/take", map());
        assertThat(take.statusCode()).as(take.body()).isEqualTo(200);
        return new Taken(doctor, patient, id, base);
    }

    @Test
    void aDoctorsMessageSendsOneSmsPerFifteenMinutesAndNeverItsText() {
        var t = taken("Чатов");
        String secret = "Ваш анализ на ВИЧ отрицательный";

        say(t, t.doctor().token(), secret);
        var first = chatSms(t.patient(), 1);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).body())
                .contains(CHAT_RU)
                .contains("/consultations/" + t.id())
                .doesNotContain(secret)
                .doesNotContain("ВИЧ");
        assertThat(notices(t.patient())).anySatisfy(notice -> {
            assertThat(notice.body()).contains(CHAT_RU).doesNotContain(secret);
            assertThat(notice.link()).contains("/consultations/" + t.id());
        });

        clock.advance(Duration.ofMinutes(5));
        say(t, t.doctor().token(), "Ещё одно сообщение");
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        say(t, t.doctor().token(), "И ещё одно, за секунду до конца окна");
        assertThat(chatSms(t.patient(), 1))
                .as("within 15 minutes of the first notice")
                .hasSize(1);

        // The patient's own message tells nobody anything, whenever it is sent.
        clock.advance(Duration.ofSeconds(1));
        say(t, t.patient().token(), "Спасибо, доктор");
        assertThat(chatSms(t.patient(), 1)).hasSize(1);

        say(t, t.doctor().token(), "Пожалуйста");
        var again = chatSms(t.patient(), 2);
        assertThat(again).as("15 minutes after the first notice").hasSize(2);
        assertThat(again).allSatisfy(sms -> assertThat(sms.body()).doesNotContain("Пожалуйста"));
    }

    @Test
    void twoMessagesAtTheSameInstantOnTwoNodesSendExactlyOneSms() throws Exception {
        var t = taken("Гонкин");
        var room = new RoomId(t.id());
        var doctorUser = t.doctor().user().userId();
        var pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Instant at = clock.instant().plus(ChatNotices.WINDOW.multipliedBy(round + 1L));
                var barrier = new CyclicBarrier(2);
                var tries = new ArrayList<Future<Boolean>>();
                for (int node = 0; node < 2; node++) {
                    var sent = new MessageSent(room, UUID.randomUUID(), doctorUser, at, false);
                    Callable<Boolean> tell = () -> {
                        barrier.await(10, TimeUnit.SECONDS);
                        return chatNotices.tell(sent);
                    };
                    tries.add(pool.submit(tell));
                }
                int told = 0;
                for (var attempt : tries) {
                    told += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(told).as("round %d", round).isEqualTo(1);
                assertThat(chatSms(t.patient(), round + 1))
                        .as("round %d", round)
                        .hasSize(round + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPatientWhoChoseEnglishIsToldInEnglish() {
        var t = taken("Инглиш");
        notifications.chooseLanguage(t.patient().user().userId(), Locale.ENGLISH);

        say(t, t.doctor().token(), "Сдайте, пожалуйста, общий анализ крови");
        var sms = chatSms(t.patient(), 1);
        assertThat(sms).hasSize(1);
        assertThat(sms.get(0).body()).contains(CHAT_EN).doesNotContain("анализ");

        refer(t, "Подозрение на аритмию");
        var referral = referralSms(t.patient(), REFERRAL_EN);
        assertThat(referral.body()).doesNotContain("аритми").doesNotContain("cardiolog");
    }

    @Test
    void aReferralIssuedInAConsultationIsToldWithoutDiagnosisOrReason() {
        var t = taken("Направленцев");

        refer(t, "Перебои в работе сердца");
        var sms = referralSms(t.patient(), REFERRAL_RU);
        assertThat(sms.body())
                .contains("/consultations")
                .doesNotContain("Перебои")
                .doesNotContain("I49")
                .doesNotContain("кардиолог")
                .doesNotContain("cardiologist");
        assertThat(notices(t.patient()))
                .anySatisfy(notice -> assertThat(notice.body()).contains(REFERRAL_RU));
    }

    @Test
    void aLanguageOtherThanRussianOrEnglishIsRefusedByName() {
        var patient = patient("Языков");
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.medkarta.shared.InvalidInput.class,
                () -> notifications.chooseLanguage(patient.user().userId(), Locale.GERMAN));
        assertThat(refused.errors()).extracting(e -> e.field()).containsExactly("language");
        assertThat(notifications.language(patient.user().userId())).isEqualTo(Locale.forLanguageTag("ru"));
    }

    private void say(Taken t, String token, String text) {
        var sent = postAs(token, t.base() + "/messages", map("text", text));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        awaitChatListener(t.id());
    }

    private void refer(Taken t, String reason) {
        var referral = postAs(
                t.doctor().token(),
                t.base() + "/referrals",
                map("specialty", "cardiologist", "openEnded", true, "presumedDiagnosis", "I49.9", "reason", reason));
        assertThat(referral.statusCode()).as(referral.body()).isEqualTo(201);
    }

    /** Waits until the notice listener has run for every message of the consultation sent so far. */
    private void awaitChatListener(UUID consultation) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            long pending = jdbc.sql("""
                            SELECT COUNT(*) FROM event_publication
                            WHERE completion_date IS NULL AND listener_id LIKE :listener AND serialized_event LIKE :room
                            """)
                    .param("listener", "%ChatNotices%")
                    .param("room", "%" + consultation + "%")
                    .query(Long.class)
                    .single();
            if (pending == 0) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
        throw new AssertionError("the chat notice listener did not finish for " + consultation);
    }

    private List<OutboundMessage> chatSms(TestPatient patient, int atLeast) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<OutboundMessage> found;
        do {
            found = Outbox.to(outbox, patient.phone(), 1).stream()
                    .filter(message -> message.channel() == Channel.SMS)
                    .filter(message ->
                            message.body().contains(CHAT_RU) || message.body().contains(CHAT_EN))
                    .toList();
            if (found.size() < atLeast) {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            }
        } while (found.size() < atLeast && System.nanoTime() < until);
        return found;
    }

    private OutboundMessage referralSms(TestPatient patient, String text) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            var found = Outbox.to(outbox, patient.phone(), 1).stream()
                    .filter(message -> message.channel() == Channel.SMS)
                    .filter(message -> message.body().contains(text))
                    .toList();
            if (!found.isEmpty()) {
                assertThat(found).hasSize(1);
                return found.get(0);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
        throw new AssertionError("no referral SMS to " + patient.phone());
    }

    private List<Notice> notices(TestPatient patient) {
        return notifications.notices(patient.user().userId());
    }
}
