package org.medkarta.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DemoData;
import org.medkarta.shared.UserId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Active schedule templates for the demo doctors (every day, 09:00 to 17:30 with a lunch break), so
 * free slots always exist in the coming days, and a referral to the cardiologist for the first
 * demo patient. Runs after the demo clinic ({@code @Order(20)}).
 */
@Component
@Order(30)
class SchedulingDemoData implements DemoData {

    // Not an account: the author recorded on what the demo seeding creates.
    private static final SignedInUser SEEDER = new SignedInUser(
            new UserId(new UUID(0, 30)),
            "Демо-данные",
            null,
            List.of(new RoleGrant(Role.PLATFORM_ADMIN, null)),
            "DEMO");

    private static final List<String> DOCTORS = List.of("doctor@demo.medkarta.org", "cardio@demo.medkarta.org");

    private final ScheduleTemplates scheduleTemplates;
    private final PatientReferrals patientReferrals;
    private final ClinicCatalogue clinics;
    private final AccountDirectory identity;
    private final Clock clock;

    SchedulingDemoData(
            ScheduleTemplates scheduleTemplates,
            PatientReferrals patientReferrals,
            ClinicCatalogue clinics,
            AccountDirectory identity,
            Clock clock) {
        this.scheduleTemplates = scheduleTemplates;
        this.patientReferrals = patientReferrals;
        this.clinics = clinics;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "scheduling-demo-templates";
    }

    @Override
    public void seed() {
        for (DoctorView doctor : clinics.findDoctors(null, null, null)) {
            if (!DOCTORS.contains(doctor.email())) {
                continue;
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), clinics.timezone(doctor.clinicId()));
            var services = clinics.servicesOf(doctor.id()).stream()
                    .map(s -> s.id().value().toString())
                    .toList();
            var template = scheduleTemplates.createTemplate(
                    SEEDER,
                    doctor.id(),
                    new TemplateForm(
                            "Основной график",
                            today.toString(),
                            today.plusYears(2).toString(),
                            List.of("1", "2", "3", "4", "5", "6", "7"),
                            "09:00",
                            "17:30",
                            30,
                            List.of("13:00-14:00"),
                            services));
            scheduleTemplates.activate(SEEDER, template.id());
            if (doctor.email().startsWith("cardio")) {
                identity.findPatients("+79990000001")
                        .forEach(patient -> patientReferrals.issueReferral(
                                patient.patientId(),
                                "cardiologist",
                                null,
                                clock.instant().plus(Duration.ofDays(60)),
                                null));
            }
        }
    }
}
