package org.medkarta.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ServiceView;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A doctor's schedule templates (SPEC C1, seed 004): name, validity, weekdays, hours, slot length,
 * breaks and the services given, inactive until switched on. An active template's slots appear at
 * once over the clinic's booking horizon (C2); two active templates of one doctor never overlap; a
 * change that would drop booked appointments is refused naming how many unless confirmed, and then
 * cancels them by the clinic, telling each patient (C5, C8).
 *
 * <p>A doctor manages their own templates, an administrator of the doctor's clinic manages them
 * too; anyone else gets {@link NotFound}.
 */
@Service
public class ScheduleTemplates {

    private final Templates templates;
    private final Slots slots;
    private final Locks locks;
    private final ClinicCatalogue clinics;
    private final ScheduleRules rules;
    private final SlotMaking making;
    private final AppointmentCancelling cancelling;
    private final Clock clock;

    ScheduleTemplates(
            Templates templates,
            Slots slots,
            Locks locks,
            ClinicCatalogue clinics,
            ScheduleRules rules,
            SlotMaking making,
            AppointmentCancelling cancelling,
            Clock clock) {
        this.templates = templates;
        this.slots = slots;
        this.locks = locks;
        this.clinics = clinics;
        this.rules = rules;
        this.making = making;
        this.cancelling = cancelling;
        this.clock = clock;
    }

    /**
     * Creates a template (inactive until {@link #activate}).
     *
     * @throws InvalidInput naming every wrong field, services the doctor does not give included
     */
    @Transactional
    public TemplateView createTemplate(SignedInUser actor, DoctorId doctor, TemplateForm form) {
        var found = rules.managed(actor, doctor);
        var template = ScheduleTemplate.of(UUID.randomUUID(), doctor, found.clinicId(), form, false);
        checkServices(template);
        templates.save(template, clock.instant());
        return template.view();
    }

    /** The doctor's templates, for the editor. */
    @Transactional(readOnly = true)
    public List<TemplateView> templates(SignedInUser actor, DoctorId doctor) {
        rules.managed(actor, doctor);
        return templates.ofDoctor(doctor).stream().map(ScheduleTemplate::view).toList();
    }

    @Transactional(readOnly = true)
    public TemplateView template(SignedInUser actor, UUID template) {
        return owned(actor, template).view();
    }

    /**
     * Changes a template. Booked appointments its new pattern no longer has are never lost
     * silently: without {@code confirm} the change is refused naming how many; with it they are
     * cancelled by the clinic and each patient is told (SPEC C1).
     *
     * @throws SchedulingRefusal {@code template-overlap} or {@code appointments-affected}
     */
    @Transactional
    public TemplateView updateTemplate(SignedInUser actor, UUID id, TemplateForm form, boolean confirm) {
        var current = owned(actor, id);
        var changed = ScheduleTemplate.of(id, current.doctor(), current.clinic(), form, current.active());
        checkServices(changed);
        return replace(actor, current, changed, confirm).view();
    }

    /**
     * Switches a template on: its slots appear at once over the booking horizon.
     *
     * @throws SchedulingRefusal {@code template-overlap} naming the active template it overlaps
     */
    @Transactional
    public TemplateView activate(SignedInUser actor, UUID id) {
        var current = owned(actor, id);
        return replace(actor, current, current.activated(true), false).view();
    }

    /** Switches a template off; its free slots go, booked ones need {@code confirm} as for an edit. */
    @Transactional
    public TemplateView deactivate(SignedInUser actor, UUID id, boolean confirm) {
        var current = owned(actor, id);
        return replace(actor, current, current.activated(false), confirm).view();
    }

    /** Deletes a template; booked appointments need {@code confirm}, as for an edit. */
    @Transactional
    public void deleteTemplate(SignedInUser actor, UUID id, boolean confirm) {
        var current = owned(actor, id);
        replace(actor, current, current.activated(false), confirm);
        slots.detach(id);
        templates.delete(id);
    }

    private ScheduleTemplate owned(SignedInUser actor, UUID template) {
        var found = templates.find(template).orElseThrow(NotFound::new);
        rules.managed(actor, found.doctor());
        return found;
    }

    private void checkServices(ScheduleTemplate template) {
        var given = clinics.servicesOf(template.doctor()).stream()
                .map(s -> s.id().value())
                .toList();
        if (!given.containsAll(template.services())) {
            throw new InvalidInput("serviceIds", "scheduling.validation.service");
        }
    }

    private ScheduleTemplate replace(
            SignedInUser actor, ScheduleTemplate current, ScheduleTemplate changed, boolean confirm) {
        locks.hold(changed.doctor().value());
        if (changed.active()) {
            for (var other : templates.ofDoctor(changed.doctor())) {
                if (other.active() && !other.id().equals(changed.id()) && other.overlaps(changed)) {
                    throw SchedulingRefusal.templateOverlap(other.name());
                }
            }
        }
        Instant now = clock.instant();
        var kept = new HashSet<Instant>();
        if (changed.active()) {
            ZoneId zone = clinics.timezone(changed.clinic());
            LocalDate today = LocalDate.ofInstant(now, zone);
            changed.plan(today, today.plusDays(rules.horizonDays(changed.clinic())), zone)
                    .forEach(planned -> kept.add(planned.start()));
        }
        var affected = slots.booked(current.id(), now).stream()
                .filter(slot -> !kept.contains(slot.start()))
                .toList();
        if (!affected.isEmpty() && !confirm) {
            throw SchedulingRefusal.appointmentsAffected(affected.size());
        }
        for (var slot : affected) {
            cancelling.cancelLocked(actor.userId(), slot.appointmentId(), true, now);
        }
        slots.removeFree(current.id(), now);
        templates.save(changed, now);
        if (changed.active()) {
            making.materialise(changed, now);
        }
        return changed;
    }

    /** The active services a doctor gives, for the templates editor. */
    @Transactional(readOnly = true)
    public List<ServiceView> servicesOf(DoctorId doctor) {
        return clinics.servicesOf(doctor);
    }
}
