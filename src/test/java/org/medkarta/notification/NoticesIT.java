package org.medkarta.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.medkarta.testing.MutableClock;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;

/** The in-app notification centre and the channels a user chooses (SPEC H1). */
@DeliveredByTheTest
class NoticesIT {

    @Autowired
    Notifications notifications;

    @Autowired
    RecordingGateway gateway;

    @Autowired
    MutableClock clock;

    @org.junit.jupiter.api.BeforeEach
    void stopTheClockInTheFuture() {
        TestClock.start(clock);
    }

    @org.junit.jupiter.api.AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void noticesAreListedNewestFirstAndCountedUntilRead() {
        UserId patient = newUser();
        notifications.notify(patient, "Запись подтверждена", "Терапевт, 12 декабря 10:00", "/appointments/1");
        clock.advance(Duration.ofMinutes(1));
        notifications.notify(patient, "Новый результат", "Общий анализ крови", null);

        assertThat(notifications.notices(patient))
                .extracting(Notice::title)
                .containsExactly("Новый результат", "Запись подтверждена");
        assertThat(notifications.unreadCount(patient)).isEqualTo(2);

        Notice newest = notifications.notices(patient).get(0);
        notifications.markRead(patient, newest.id());
        notifications.markRead(patient, newest.id());

        assertThat(notifications.unreadCount(patient)).isEqualTo(1);
        assertThat(notifications.notices(patient).get(0).read()).isTrue();
        assertThat(notifications.notices(patient).get(1).read()).isFalse();
    }

    @Test
    void markingAllReadClearsTheUnreadCounterOfThatUserOnly() {
        UserId patient = newUser();
        UserId other = newUser();
        notifications.notify(patient, "Один", "текст", null);
        notifications.notify(patient, "Два", "текст", null);
        notifications.notify(other, "Чужое", "текст", null);

        assertThat(notifications.markAllRead(patient)).isEqualTo(2);

        assertThat(notifications.unreadCount(patient)).isZero();
        assertThat(notifications.unreadCount(other)).isEqualTo(1);
    }

    @Test
    void anotherUsersNoticeAnswersNotFound() {
        UserId owner = newUser();
        UserId stranger = newUser();
        notifications.notify(owner, "Доступ к карте предоставлен", "Иванова И. И.", null);
        UUID notice = notifications.notices(owner).get(0).id();

        assertThatThrownBy(() -> notifications.markRead(stranger, notice)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> notifications.markRead(owner, UUID.randomUUID()))
                .isInstanceOf(NotFound.class);
        assertThat(notifications.notices(stranger)).isEmpty();
        assertThat(notifications.unreadCount(owner)).isEqualTo(1);
    }

    @Test
    void aUserWhoNeverChoseIsToldByEveryChannel() {
        UserId patient = newUser();
        String phone = Phones.unique();
        String email = "all-" + patient.value() + "@example.org";

        assertThat(notifications.preferences(patient)).isEqualTo(NotificationPreferences.everything());
        notifications.tell(
                patient,
                new Contact(phone, email),
                new Message("Приём отменён", "Врач отменил приём 12 декабря", "https://medkarta.org/a/1"));
        notifications.deliverPending();

        assertThat(gateway.deliveredTo(phone))
                .extracting(Envelope::body)
                .containsExactly("Врач отменил приём 12 декабря https://medkarta.org/a/1");
        assertThat(gateway.deliveredTo(email)).extracting(Envelope::subject).containsExactly("Приём отменён");
        assertThat(notifications.notices(patient)).extracting(Notice::title).containsExactly("Приём отменён");
    }

    @Test
    void aUserIsToldOnlyByTheChannelsTheyChose() {
        UserId patient = newUser();
        String phone = Phones.unique();
        String email = "chosen-" + patient.value() + "@example.org";
        notifications.choose(patient, new NotificationPreferences(false, true, false));
        notifications.choose(patient, new NotificationPreferences(false, true, true));

        notifications.tell(patient, new Contact(phone, email), new Message("Новое сообщение", "Врач ответил", null));
        notifications.deliverPending();

        assertThat(notifications.preferences(patient)).isEqualTo(new NotificationPreferences(false, true, true));
        assertThat(gateway.deliveredTo(phone)).isEmpty();
        assertThat(gateway.deliveredTo(email)).hasSize(1);
        assertThat(notifications.unreadCount(patient)).isEqualTo(1);
    }

    @Test
    void oneTimeCodesGoOutWhateverTheUserChose() {
        UserId patient = newUser();
        String phone = Phones.unique();
        notifications.choose(patient, new NotificationPreferences(false, false, false));

        notifications.sendSms(phone, "Код входа: 123456");
        notifications.deliverPending();

        assertThat(gateway.deliveredTo(phone)).hasSize(1);
    }

    @Test
    void tellingTwiceWithTheSameKeyTellsOnce() {
        UserId patient = newUser();
        String phone = Phones.unique();
        var message = new Message("Напоминание", "Приём завтра в 10:00", null);

        notifications.tell(patient, Contact.phone(phone), message, "reminder:" + patient.value());
        notifications.tell(patient, Contact.phone(phone), message, "reminder:" + patient.value());
        notifications.deliverPending();

        assertThat(gateway.deliveredTo(phone)).hasSize(1);
        assertThat(notifications.notices(patient)).hasSize(1);
    }

    private static UserId newUser() {
        return new UserId(UUID.randomUUID());
    }
}
