package org.medkarta.consultation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.clinic.ServiceView;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.ClinicRoles;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.OfferedSlot;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Doctor-to-doctor consultations (SPEC D11; seed 004 «врач (фельдшер)-врач»): a doctor, or a
 * paramedic of a rural post, finds the patient, a consultant of another clinic (for a paramedic also
 * of their own) and a free doctor-to-doctor slot, and asks about the case, which opens a request for
 * both doctors. Anyone who is neither is told the form does not exist.
 */
@Service
public class ColleagueQuestions {

    private final ClinicCatalogue clinics;
    private final AccountDirectory identity;
    private final ClinicRoles clinicRoles;
    private final SlotSearch slotSearch;
    private final Booking booking;

    ColleagueQuestions(
            ClinicCatalogue clinics,
            AccountDirectory identity,
            ClinicRoles clinicRoles,
            SlotSearch slotSearch,
            Booking booking) {
        this.clinics = clinics;
        this.identity = identity;
        this.clinicRoles = clinicRoles;
        this.slotSearch = slotSearch;
        this.booking = booking;
    }

    /** Patients a doctor (or a paramedic) can ask a colleague about, by phone or SNILS. */
    @Transactional(readOnly = true)
    public List<AccountView> findPatients(SignedInUser user, String phoneOrSnils) {
        requireAsker(user);
        return identity.findPatients(phoneOrSnils);
    }

    /**
     * Doctors who give doctor-to-doctor consultations, with those services: of other clinics for a
     * doctor; for a paramedic of a rural post also the doctors of their own clinic (seed 004
     * «врач (фельдшер)-врач»), whom they have no other way to ask.
     */
    @Transactional(readOnly = true)
    public List<Consultant> consultants(SignedInUser user, String specialty) {
        var asker = requireAsker(user);
        var found = new ArrayList<Consultant>();
        for (var doctor : clinics.findDoctorsOffering(specialty, ServiceKind.DOCTOR_TO_DOCTOR)) {
            if ((!asker.paramedic() && asker.clinics().contains(doctor.clinicId()))
                    || doctor.userId().equals(user.userId())) {
                continue;
            }
            var services = clinics.servicesOf(doctor.id()).stream()
                    .filter(s -> s.kind() == ServiceKind.DOCTOR_TO_DOCTOR
                            && s.format().remote())
                    .toList();
            if (!services.isEmpty()) {
                found.add(new Consultant(doctor, services));
            }
        }
        return found;
    }

    /** Whether the person asks as a paramedic (фельдшер) rather than as a doctor; refused like the form for anyone else. */
    @Transactional(readOnly = true)
    public boolean asksAsParamedic(SignedInUser user) {
        return requireAsker(user).paramedic();
    }

    /** A consultant of another clinic and the doctor-to-doctor services they give. */
    public record Consultant(DoctorView doctor, List<ServiceView> services) {}

    /** The consultant's free doctor-to-doctor slots (seed 004: «из расписания выберите день и время»). */
    @Transactional(readOnly = true)
    public List<OfferedSlot> consultantSlots(SignedInUser user, DoctorId consultant) {
        requireAsker(user);
        var services = clinics.servicesOf(consultant).stream()
                .filter(s -> s.kind() == ServiceKind.DOCTOR_TO_DOCTOR)
                .map(s -> s.id().value())
                .toList();
        return slotSearch.search(user, new SlotQuery(consultant, null, null, null, null, null, 200)).stream()
                .filter(s -> services.contains(s.serviceId()))
                .toList();
    }

    /**
     * Asks a consultant about a patient (SPEC D11): books the chosen doctor-to-doctor slot for the
     * patient on the referring doctor's behalf with the case text; the request opens for both
     * doctors, in "New".
     */
    @Transactional
    public AppointmentView askColleague(
            SignedInUser user, PatientId patient, UUID slot, UUID service, String caseText, String clientAddress) {
        requireAsker(user);
        var errors = new ArrayList<InvalidInput.FieldError>();
        if (patient == null) {
            errors.add(new InvalidInput.FieldError("patientId", "validation.required"));
        }
        if (slot == null) {
            errors.add(new InvalidInput.FieldError("slotId", "validation.required"));
        }
        String text = FormTexts.text(caseText, "caseText", 2000, errors);
        if (text == null && errors.stream().noneMatch(e -> e.field().equals("caseText"))) {
            errors.add(new InvalidInput.FieldError("caseText", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var offered =
                slotSearch.slot(slot).orElseThrow(() -> new InvalidInput("slotId", "consultation.validation.slot"));
        UUID chosen = service != null ? service : offered.serviceIds().get(0);
        boolean doctorToDoctor = clinics.service(new ServiceId(chosen))
                .map(s -> s.kind() == ServiceKind.DOCTOR_TO_DOCTOR)
                .orElse(false);
        if (!doctorToDoctor || !offered.serviceIds().contains(chosen)) {
            throw new InvalidInput("slotId", "consultation.validation.slot");
        }
        if (identity.patient(patient).isEmpty()) {
            throw new InvalidInput("patientId", "consultation.validation.patient");
        }
        return booking.book(user, new BookingRequest(slot, patient, chosen, null, text, false), clientAddress);
    }

    /**
     * Who asks: a doctor with a profile, by the clinics they work in, or a paramedic (фельдшер) of a
     * rural post, by the clinics whose {@link Role#PARAMEDIC} they hold now (seed 004 «врач
     * (фельдшер)-врач»). Anyone else is told the form does not exist.
     */
    private record Asker(Set<ClinicId> clinics, boolean paramedic) {}

    private Asker requireAsker(SignedInUser user) {
        if (user == null) {
            throw new NotFound();
        }
        if (user.has(Role.DOCTOR)) {
            var profiles = clinics.profilesOf(user.userId());
            if (!profiles.isEmpty()) {
                return new Asker(
                        profiles.stream().map(DoctorView::clinicId).collect(java.util.stream.Collectors.toSet()),
                        false);
            }
        }
        var posts = clinicRoles.clinicsOf(user, Role.PARAMEDIC);
        if (posts.isEmpty()) {
            throw new NotFound();
        }
        return new Asker(Set.copyOf(posts), true);
    }
}
