package org.medkarta.scheduling;

import org.medkarta.identity.AccountDirectory;
import org.medkarta.notification.Contact;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.PublicUrl;
import org.medkarta.shared.Representation;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Component;

/**
 * Tells a patient that a referral was issued to them (SPEC H2 «referral issued», issue 23), in the
 * caller's transaction, once per referral, by the channels they chose and in their language.
 *
 * <p>The notice names only the kind of referral and links to the app: no specialty, diagnosis or
 * reason, since an SMS may be read on a locked screen by anyone near the phone.
 */
@Component
class ReferralNotices {

    private final Notifications notifications;
    private final AccountDirectory identity;
    private final Representation representation;
    private final PublicUrl publicUrl;

    ReferralNotices(
            Notifications notifications,
            AccountDirectory identity,
            Representation representation,
            PublicUrl publicUrl) {
        this.notifications = notifications;
        this.identity = identity;
        this.representation = representation;
        this.publicUrl = publicUrl;
    }

    /**
     * @param representative who acts for the patient in the matter (whoever booked the consultation
     *     the referral came from), told instead of the patient while they may still act for them;
     *     null to tell the patient's own account
     */
    void issued(ReferralView referral, UserId representative) {
        UserId told = representation.toldAbout(referral.patientId(), representative);
        if (told == null) {
            // A patient without an account of their own and nobody acting for them: nobody to tell.
            return;
        }
        notifications.tellInTheirLanguage(
                told,
                identity.contact(told).orElse(new Contact(null, null)),
                "scheduling.notice.referral.title",
                "scheduling.notice.referral.text",
                publicUrl.of("/consultations"),
                "referral-issued:" + referral.id());
    }
}
