package org.medkarta.consultation;

import java.util.Optional;
import java.util.UUID;
import org.medkarta.conversation.PhoneCallView;
import org.medkarta.conversation.PhoneCalls;
import org.medkarta.conversation.RoomId;
import org.medkarta.identity.AccountCallPhone;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.Phone;
import org.springframework.stereotype.Service;

/**
 * «Позвонить пациенту» (SPEC D6; seed 004: «Аудиозвонок на телефон» — «пациенту поступит звонок на
 * мобильный телефон … (пациент не видит при этом вашего номера телефона)»; «единственный способ
 * связи с пациентом, если он на момент консультации не авторизован в системе»). The doctor who holds
 * the consultation in work asks the telephony gateway to ring their own phone for calls (from their
 * profile) and then the patient's, bridged, so that neither sees the other's number. The call's
 * start, end and duration join the consultation's calls as the conversations module records them.
 *
 * <p>Only that doctor may call: anyone else, the patient included, is told the consultation does not
 * exist here (404), so the patient's number cannot be rung by someone who merely sees the request.
 */
@Service
public class ConsultationPhoneCalls {

    private final ConsultationAccess consultations;
    private final PhoneCalls phoneCalls;
    private final AccountDirectory identity;
    private final AccountCallPhone callPhones;

    ConsultationPhoneCalls(
            ConsultationAccess consultations,
            PhoneCalls phoneCalls,
            AccountDirectory identity,
            AccountCallPhone callPhones) {
        this.consultations = consultations;
        this.phoneCalls = phoneCalls;
        this.identity = identity;
        this.callPhones = callPhones;
    }

    /** Whether the page offers the button: a gateway is set up and the person is the doctor holding it in work. */
    public boolean offered(SignedInUser user, UUID id) {
        if (!phoneCalls.available()) {
            return false;
        }
        var consultation = consultations.visible(user, id);
        return consultation.consultedBy(user)
                && consultation.patientTalks()
                && consultation.state() == ConsultationState.IN_WORK;
    }

    /**
     * Places the call.
     *
     * @throws NotFound to anyone but the consulting doctor
     * @throws ConsultationRefusal {@code consultation-not-in-work} before it is taken or after the
     *     protocol; {@code phone-call-doctor-to-doctor} in a consultation the patient does not take
     *     part in; {@code patient-phone-missing}; {@code doctor-phone-missing} until the doctor
     *     enters their phone for calls in their profile
     * @throws org.medkarta.conversation.TelephonyRefusal {@code phone-calls-not-set-up}, {@code
     *     call-in-progress}, {@code telephony-unavailable}
     */
    public PhoneCallView call(SignedInUser user, UUID id) {
        var consultation = consultations.visible(user, id);
        if (!consultation.consultedBy(user)) {
            throw new NotFound();
        }
        if (consultation.state() != ConsultationState.IN_WORK) {
            throw ConsultationRefusal.notInWork();
        }
        if (!consultation.patientTalks()) {
            throw ConsultationRefusal.phoneCallDoctorToDoctor();
        }
        if (!phoneCalls.available()) {
            throw org.medkarta.conversation.TelephonyRefusal.notSetUp();
        }
        Phone patient = identity.patient(consultation.patientId())
                .map(AccountView::phone)
                .filter(phone -> phone != null && !phone.isBlank())
                .map(Phone::new)
                .orElseThrow(ConsultationRefusal::patientPhoneMissing);
        Phone doctor = callPhones.of(user.userId()).orElseThrow(ConsultationRefusal::doctorPhoneMissing);
        return phoneCalls.place(new RoomId(id), user.userId(), doctor, patient);
    }

    /** The latest call to the patient's phone, for the doctor holding the consultation; empty for anyone else. */
    public Optional<PhoneCallView> latest(SignedInUser user, UUID id) {
        var consultation = consultations.visible(user, id);
        if (!consultation.consultedBy(user)) {
            return Optional.empty();
        }
        return phoneCalls.latest(new RoomId(id));
    }

    /** Whether the doctor has a phone for calls in their profile, so the page can say where to enter it. */
    public boolean doctorHasPhone(SignedInUser user) {
        return user != null && callPhones.of(user.userId()).isPresent();
    }
}
