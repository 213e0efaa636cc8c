package org.medkarta.scheduling;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.clinic.ServiceFormat;

/**
 * What the printable appointment slip shows (issue 23): the time in the clinic's zone, who and what,
 * where, for whom, and what to bring.
 *
 * @param number the appointment's short number, said at the registry desk
 * @param format how the service is given, or null when the service is gone from the catalogue
 * @param referralRequired whether the patient brings a referral: the service needs one or one was used
 */
public record AppointmentSlip(
        UUID appointmentId,
        String number,
        ZonedDateTime start,
        ZonedDateTime end,
        String doctorName,
        String specialtyRu,
        String specialtyEn,
        String serviceName,
        ServiceFormat format,
        String clinicName,
        String clinicAddress,
        String clinicPhone,
        String patientName,
        boolean referralRequired) {

    /** The appointment's short number: the first eight hex digits of its id, upper case, as 1A2B-3C4D. */
    public static String numberOf(UUID appointment) {
        String hex = appointment.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return hex.substring(0, 4) + "-" + hex.substring(4);
    }

    /** The specialty in the language asked for. */
    public String specialty(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && !specialtyEn.isBlank()
                ? specialtyEn
                : specialtyRu;
    }
}
