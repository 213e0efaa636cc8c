package org.medkarta.consultation;

import java.util.HashSet;
import java.util.List;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.DemoData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Requests on the demo desks: the first demo patient books the demo therapist by video, audio and
 * chat in the coming days, as a patient would, so that "New" is not empty for either of them.
 * Runs after the schedules ({@code @Order(30)}) and the dictionary ({@code @Order(35)}).
 */
@Component
@Order(40)
class ConsultationDemoData implements DemoData {

    private static final List<String> COMPLAINTS = List.of(
            "Давление по утрам до 150/95, иногда головная боль. Что делать дальше?",
            "Кашель вторую неделю без температуры, нужна ли флюорография?",
            "Пришли анализы крови: гемоглобин 112. Нужно ли лечение?");

    private final SlotSearch slotSearch;
    private final Booking booking;
    private final ClinicCatalogue clinics;
    private final AccountDirectory identity;

    ConsultationDemoData(SlotSearch slotSearch, Booking booking, ClinicCatalogue clinics, AccountDirectory identity) {
        this.slotSearch = slotSearch;
        this.booking = booking;
        this.clinics = clinics;
        this.identity = identity;
    }

    @Override
    public String name() {
        return "consultation-demo-requests";
    }

    @Override
    public void seed() {
        var doctor = clinics.findDoctors(null, null, null).stream()
                .filter(d -> "doctor@demo.medkarta.org".equals(d.email()))
                .findFirst();
        var patient = identity.findPatients("+79990000001").stream().findFirst();
        if (doctor.isEmpty() || patient.isEmpty()) {
            return;
        }
        var user = new SignedInUser(
                patient.get().userId(),
                patient.get().firstName(),
                patient.get().patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "DEMO");
        var formats = new HashSet<org.medkarta.clinic.ServiceFormat>();
        var days = new HashSet<java.time.LocalDate>();
        var zone = clinics.timezone(doctor.get().clinicId());
        int complaint = 0;
        for (var slot : slotSearch.search(user, new SlotQuery(doctor.get().id(), null, null, null, null, null, 300))) {
            var day = java.time.LocalDate.ofInstant(slot.start(), zone);
            // One request a day from tomorrow, one of each channel.
            if (!slot.format().remote()
                    || formats.contains(slot.format())
                    || days.contains(day)
                    || !day.isAfter(java.time.LocalDate.now(zone))) {
                continue;
            }
            booking.book(
                    user,
                    new BookingRequest(slot.slotId(), null, slot.serviceId(), null, COMPLAINTS.get(complaint++), true),
                    "demo");
            formats.add(slot.format());
            days.add(day);
            if (complaint == COMPLAINTS.size()) {
                return;
            }
        }
    }
}
