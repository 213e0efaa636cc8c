package org.medkarta.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the slots of active templates over each clinic's booking horizon (SPEC C2), never over an
 * existing slot: the daily job, a changed horizon and every template change run through here.
 */
@Component
class SlotMaking {

    private final Templates templates;
    private final Slots slots;
    private final Locks locks;
    private final ClinicCatalogue clinics;
    private final ScheduleRules rules;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SlotMaking(
            Templates templates,
            Slots slots,
            Locks locks,
            ClinicCatalogue clinics,
            ScheduleRules rules,
            TransactionTemplate transaction,
            Clock clock) {
        this.templates = templates;
        this.slots = slots;
        this.locks = locks;
        this.clinics = clinics;
        this.rules = rules;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Makes the slots of every active template up to each clinic's horizon: the daily job, and once
     * at start. Returns how many slots were added.
     */
    int materialiseAll() {
        Instant now = clock.instant();
        int added = 0;
        for (var template : transaction.execute(status -> templates.activeUntilAtLeast(
                LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).minusDays(1)))) {
            Integer count = transaction.execute(status -> {
                locks.hold(template.doctor().value());
                return templates
                        .find(template.id())
                        .filter(ScheduleTemplate::active)
                        .map(current -> materialise(current, now))
                        .orElse(0);
            });
            added += count == null ? 0 : count;
        }
        return added;
    }

    /** Adds the template's missing slots from now to the horizon, never over an existing slot. */
    int materialise(ScheduleTemplate template, Instant now) {
        ZoneId zone = clinics.timezone(template.clinic());
        LocalDate today = LocalDate.ofInstant(now, zone);
        var planned = template.plan(today, today.plusDays(rules.horizonDays(template.clinic())), zone).stream()
                .filter(slot -> slot.start().isAfter(now))
                .toList();
        if (planned.isEmpty()) {
            return 0;
        }
        var existing = slots.ofDoctor(
                template.doctor(),
                planned.get(0).start().minus(Duration.ofHours(8)),
                planned.get(planned.size() - 1).end());
        int added = 0;
        String services = template.serviceColumn();
        for (var slot : planned) {
            boolean clashes = existing.stream()
                    .anyMatch(other ->
                            other.start().isBefore(slot.end()) && slot.start().isBefore(other.end()));
            if (!clashes
                    && slots.add(
                            UUID.randomUUID(),
                            template.doctor(),
                            template.clinic(),
                            template.id(),
                            slot.start(),
                            slot.end(),
                            services)) {
                added++;
            }
        }
        return added;
    }
}
