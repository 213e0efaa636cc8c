package org.medkarta.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ClinicServices;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.OfferAndConsent;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceView;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.springframework.stereotype.Component;

/** An appointment or an offered slot as pages show it: names, price, times in the clinic's zone. */
@Component
class AppointmentCards {

    private final ClinicCatalogue clinics;

    private final OfferAndConsent offerAndConsent;

    private final ClinicServices clinicServices;

    AppointmentCards(ClinicCatalogue clinics, OfferAndConsent offerAndConsent, ClinicServices clinicServices) {
        this.clinics = clinics;
        this.offerAndConsent = offerAndConsent;
        this.clinicServices = clinicServices;
    }

    AppointmentCard card(
            AppointmentView appointment,
            UUID slot,
            DoctorId doctorId,
            ClinicId clinicId,
            UUID serviceId,
            Instant start,
            Instant end,
            SignedInUser viewer) {
        var doctor = clinics.doctor(doctorId);
        var service = clinics.service(new ServiceId(serviceId));
        var clinic = clinics.card(clinicId);
        ZoneId zone = ZoneId.of(clinic.timezone());
        boolean accepted = viewer == null
                || viewer.patientId() == null
                || offerAndConsent.hasAccepted(viewer.patientId(), clinicId);
        return new AppointmentCard(
                appointment,
                slot,
                serviceId,
                doctor.map(DoctorView::fullName).orElse(""),
                service.map(ServiceView::name).orElse(""),
                service.map(ServiceView::format).orElse(null),
                // What the patient agreed to when booking, not what the clinic asks today.
                appointment != null && appointment.bookedAt() != null && service.isPresent()
                        ? clinicServices.priceAt(service.get().id(), appointment.bookedAt())
                        : service.map(ServiceView::priceKopecks).orElse(0L),
                clinicId,
                clinic.name(),
                start.atZone(zone),
                end.atZone(zone),
                accepted);
    }
}
