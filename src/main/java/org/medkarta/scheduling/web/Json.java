package org.medkarta.scheduling.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.medkarta.clinic.ServiceFormat;
import org.medkarta.identity.PatientCard;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.scheduling.OfferedSlot;
import org.medkarta.scheduling.ReferralView;
import org.medkarta.scheduling.SlotStatus;
import org.medkarta.scheduling.SlotView;
import org.medkarta.scheduling.TemplateView;

/** The JSON shapes of the booking API (ARCHITECTURE.md, "Booking"). */
final class Json {

    private Json() {}

    record Template(
            UUID id,
            UUID doctorId,
            String name,
            LocalDate validFrom,
            LocalDate validTo,
            List<DayOfWeek> weekdays,
            LocalTime firstStart,
            LocalTime lastStart,
            int slotMinutes,
            List<String> breaks,
            List<UUID> serviceIds,
            boolean active) {
        static Template of(TemplateView view) {
            return new Template(
                    view.id(),
                    view.doctorId().value(),
                    view.name(),
                    view.validFrom(),
                    view.validTo(),
                    view.weekdays(),
                    view.firstStart(),
                    view.lastStart(),
                    view.slotMinutes(),
                    view.breaks(),
                    view.serviceIds(),
                    view.active());
        }
    }

    /** A free slot for one service: {@code {id, doctorId, serviceId, start, end, format}} and more. */
    /** A day of the booking calendar: {@code {date, freeSlots}}. */
    record Day(LocalDate date, int freeSlots) {
        static Day of(org.medkarta.scheduling.FreeDay day) {
            return new Day(day.date(), day.freeSlots());
        }
    }

    record Slot(
            UUID id,
            UUID doctorId,
            String doctorName,
            UUID clinicId,
            UUID serviceId,
            String serviceName,
            Instant start,
            Instant end,
            ServiceFormat format,
            long priceKopecks) {
        static Slot of(OfferedSlot slot) {
            return new Slot(
                    slot.slotId(),
                    slot.doctorId().value(),
                    slot.doctorName(),
                    slot.clinicId().value(),
                    slot.serviceId(),
                    slot.serviceName(),
                    slot.start(),
                    slot.end(),
                    slot.format(),
                    slot.priceKopecks());
        }
    }

    /** A slot of a doctor's calendar, with its status and the appointment holding it. */
    record CalendarSlot(
            UUID id, Instant start, Instant end, SlotStatus status, List<UUID> serviceIds, UUID appointmentId) {
        static CalendarSlot of(SlotView slot) {
            return new CalendarSlot(
                    slot.id(), slot.start(), slot.end(), slot.status(), slot.serviceIds(), slot.appointmentId());
        }
    }

    record NewSlot(Instant start, Integer minutes, List<String> serviceIds) {}

    record Horizon(Integer horizonDays) {}

    record BookingBody(
            String slotId,
            String patientId,
            String serviceId,
            String referralId,
            String complaint,
            Boolean acceptClinicDocuments) {}

    record RescheduleBody(String slotId) {}

    record Appointment(
            UUID id,
            String status,
            UUID slotId,
            UUID patientId,
            UUID doctorId,
            UUID clinicId,
            UUID serviceId,
            Instant start,
            Instant end,
            String complaint,
            UUID referralId,
            boolean cancelledByClinic,
            UUID consultationId,
            Instant noShowAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Payment payment) {
        static Appointment of(AppointmentView view) {
            return of(view, null);
        }

        static Appointment of(AppointmentView view, UUID consultationId) {
            return of(view, consultationId, null);
        }

        static Appointment of(AppointmentView view, UUID consultationId, Payment payment) {
            return new Appointment(
                    view.id(),
                    view.status().name(),
                    view.slotId(),
                    view.patientId().value(),
                    view.doctorId().value(),
                    view.clinicId().value(),
                    view.serviceId(),
                    view.start(),
                    view.end(),
                    view.complaint(),
                    view.referralId(),
                    view.cancelledByClinic(),
                    consultationId,
                    view.noShowAt(),
                    payment);
        }
    }

    /**
     * The payment that holds a paid service's slot, in the booking's answer (issue 20): pay at {@code
     * confirmationUrl} (absent when the provider did not answer: {@code POST
     * /api/v1/appointments/{id}/payment} asks again) before {@code holdUntil}.
     */
    record Payment(UUID paymentId, String state, String confirmationUrl, Instant holdUntil) {}

    record Referral(UUID id, String specialty, UUID doctorId, Instant issuedAt, Instant validUntil, Instant usedAt) {
        static Referral of(ReferralView view) {
            return new Referral(
                    view.id(),
                    view.specialty(),
                    view.doctorId() == null ? null : view.doctorId().value(),
                    view.issuedAt(),
                    view.validUntil(),
                    view.usedAt());
        }
    }

    record Feed(String url) {}

    /** A patient record staff found: enough to tell apart the records one phone leads to. */
    record Patient(
            UUID patientId,
            String lastName,
            String firstName,
            String patronymic,
            LocalDate birthDate,
            String phone,
            String snils,
            List<String> policies,
            Integer birthYear,
            boolean limited) {
        static Patient of(PatientCard card) {
            return new Patient(
                    card.patientId().value(),
                    card.lastName(),
                    card.firstName(),
                    card.patronymic(),
                    card.birthDate(),
                    card.phone(),
                    card.snils(),
                    card.policies().stream()
                            .map(policy -> policy.kind() + " " + policy.number())
                            .toList(),
                    card.birthYear(),
                    card.limited());
        }
    }
}
