package org.medkarta.homevisit;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.PatientAttachments;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DemoData;
import org.medkarta.shared.UserId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first demo patient ({@code +79990000001}) attached to the demo clinic for general care, as the
 * clinic would confirm a request, so that "Вызвать врача на дом" is offered in the demo (issue 23).
 * Runs after the demo clinic and its doctors.
 */
@Component
@Order(45)
class HomeVisitDemoData implements DemoData {

    private static final SignedInUser SEEDER = new SignedInUser(
            new UserId(new UUID(0, 45)), "Demo", null, List.of(new RoleGrant(Role.PLATFORM_ADMIN, null)), "DEMO");

    private final PatientAttachments clinics;
    private final ClinicCatalogue catalogue;
    private final AccountDirectory identity;

    HomeVisitDemoData(PatientAttachments clinics, ClinicCatalogue catalogue, AccountDirectory identity) {
        this.clinics = clinics;
        this.catalogue = catalogue;
        this.identity = identity;
    }

    @Override
    public String name() {
        return "homevisit-demo-attachment";
    }

    @Override
    public void seed() {
        var doctor = catalogue.findDoctors(null, null, null).stream()
                .filter(d -> "doctor@demo.medkarta.org".equals(d.email()))
                .findFirst();
        var patient = identity.findPatients("+79990000001").stream().findFirst();
        if (doctor.isEmpty() || patient.isEmpty()) {
            return;
        }
        var clinic = doctor.get().clinicId();
        if (clinics.isAttached(patient.get().patientId(), clinic)) {
            return;
        }
        var user = new SignedInUser(
                patient.get().userId(),
                patient.get().firstName(),
                patient.get().patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "DEMO");
        var request = clinics.requestAttachment(user, clinic, "GENERAL");
        clinics.confirmAttachment(SEEDER, request.id(), Locale.forLanguageTag("ru"));
    }
}
