package org.medkarta.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DemoData;
import org.medkarta.shared.UserId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A walk-in queue in the demo clinic for the day of the first start, with the demo therapist on
 * duty in room 12 (SPEC C9), so a newcomer can take a ticket, call it and watch the board at once.
 * Open all day, so it can be tried at any hour; the clinic administrator opens another day's queue
 * on the queues page. Runs after the demo clinic and schedules.
 */
@Component
@Order(31)
class WalkInDemoData implements DemoData {

    private static final SignedInUser SEEDER = new SignedInUser(
            new UserId(new UUID(0, 31)),
            "Демо-данные",
            null,
            List.of(new RoleGrant(Role.PLATFORM_ADMIN, null)),
            "DEMO");

    private final WalkInQueues queues;
    private final ClinicCatalogue clinics;
    private final Clock clock;

    WalkInDemoData(WalkInQueues queues, ClinicCatalogue clinics, Clock clock) {
        this.queues = queues;
        this.clinics = clinics;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "scheduling-demo-walk-in";
    }

    @Override
    public void seed() {
        // By name: a database holds more doctors than one search answers with.
        clinics.findDoctors(null, "Петров", null).stream()
                .filter(doctor -> "doctor@demo.medkarta.org".equals(doctor.email()))
                .findFirst()
                .ifPresent(therapist -> queues.open(
                        SEEDER,
                        therapist.clinicId(),
                        new WalkInQueueForm(
                                "Дежурный терапевт",
                                "therapist",
                                "12",
                                LocalDate.ofInstant(clock.instant(), clinics.timezone(therapist.clinicId()))
                                        .toString(),
                                "00:00",
                                "23:59",
                                List.of(therapist.id().value().toString()))));
    }
}
