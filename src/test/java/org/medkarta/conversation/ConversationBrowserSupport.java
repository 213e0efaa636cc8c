package org.medkarta.conversation;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.medkarta.identity.ClientInfo;
import org.medkarta.identity.PatientRegistration;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;

/** The two sides of a conversation in browser tests: a new patient, and the demo doctor in a browser of their own. */
abstract class ConversationBrowserSupport extends BrowserSupport {

    private static final String DOCTOR_EMAIL = "doctor@demo.medkarta.org";
    private static final String DOCTOR_PASSWORD = "Demo-doctor-1";

    @Autowired
    IdentityFacades identity;

    @Autowired
    ConversationRooms conversationRooms;

    @Autowired
    ChatMessages chatMessages;

    @Autowired
    ConversationCalls conversationCalls;

    @Autowired
    DevOutbox outbox;

    private BrowserContext doctorContext;

    @AfterEach
    void closeDoctor() {
        if (doctorContext != null) {
            doctorContext.close();
        }
    }

    record Patient(org.medkarta.shared.UserId id, String phone) {}

    Patient patient() {
        String phone = Phones.unique();
        var account = identity.registration()
                .register(
                        new PatientRegistration(
                                "Звонкова",
                                "Алиса",
                                null,
                                phone,
                                "1985-03-04",
                                "b-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru",
                                identity.registration().termsVersion()),
                        new ClientInfo("127.0.0.1", "browser-test"),
                        "http://localhost",
                        Locale.ENGLISH);
        return new Patient(account.userId(), phone);
    }

    SignedInUser doctor() {
        return identity.signIn()
                .signInWithPassword(
                        DOCTOR_EMAIL,
                        DOCTOR_PASSWORD,
                        null,
                        new ClientInfo("127.0.0.1", "browser-test"),
                        "http://localhost",
                        Locale.ENGLISH);
    }

    void signInPatient(Page on, Patient patient) {
        signInByCode(on, outbox, patient.phone());
    }

    Page doctorPage(String path) {
        doctorContext = browserContext();
        Page doctorPage = doctorContext.newPage();
        doctorPage.navigate(url(
                "/test/staff-sign-in?email=" + DOCTOR_EMAIL + "&password=" + DOCTOR_PASSWORD + "&continue=" + path));
        return doctorPage;
    }

    /** Opens a room of the patient and the doctor, as a booked consultation does. */
    RoomId openRoom(String title, Patient patient, SignedInUser doctor) {
        var room = new RoomId(UUID.randomUUID());
        conversationRooms.open(
                room,
                title,
                List.of(
                        new Member(patient.id(), "PATIENT", "Алиса Звонкова"),
                        new Member(doctor.userId(), "DOCTOR", "Доктор Демо")));
        return room;
    }

    /** Waits until each page's call is connected and its remote video shows frames. */
    static void awaitMediaBothWays(Page... pages) {
        for (Page each : pages) {
            each.waitForFunction(
                    "() => ['connected', 'completed'].includes(document.querySelector('.conversation-call').dataset.iceState)");
            each.waitForFunction("() => { const v = document.querySelector('.call-remote');"
                    + " return v.videoWidth > 0 && v.getVideoPlaybackQuality().totalVideoFrames > 0; }");
        }
    }
}
