package org.medkarta.fhir;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.Slot.SlotStatus;
import org.medkarta.scheduling.OfferedSlot;
import org.medkarta.scheduling.SlotView;

/**
 * A slot of a doctor's schedule as a Slot of their Schedule: free, busy (held by an appointment) or
 * busy-unavailable (closed by hand), with the services that may be booked in it.
 */
final class SlotTranslator {

    private SlotTranslator() {}

    /** A slot as search offers it: the services the viewer may book in it, named. */
    static Slot toFhir(SlotView slot, List<OfferedSlot> services) {
        var fhir = common(slot);
        for (var service : services) {
            fhir.addServiceType(
                    HealthcareServiceTranslator.type(service.serviceId().toString(), service.serviceName()));
        }
        return fhir;
    }

    /** A slot as the doctor's calendar shows it to those who manage it: every service, by id. */
    static Slot toFhir(SlotView slot) {
        var fhir = common(slot);
        for (var service : slot.serviceIds()) {
            fhir.addServiceType(HealthcareServiceTranslator.type(service.toString(), null));
        }
        return fhir;
    }

    private static Slot common(SlotView slot) {
        var fhir = new Slot();
        fhir.setId(slot.id().toString());
        fhir.setSchedule(new Reference("Schedule/" + slot.doctorId().value()));
        fhir.setStatus(status(slot.status()));
        fhir.setStart(Date.from(slot.start()));
        fhir.setEnd(Date.from(slot.end()));
        return fhir;
    }

    static SlotStatus status(org.medkarta.scheduling.SlotStatus status) {
        return switch (status) {
            case FREE -> SlotStatus.FREE;
            case BOOKED -> SlotStatus.BUSY;
            case CLOSED -> SlotStatus.BUSYUNAVAILABLE;
        };
    }
}
