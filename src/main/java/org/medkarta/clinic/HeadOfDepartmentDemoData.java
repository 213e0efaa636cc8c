package org.medkarta.clinic;

import java.util.List;
import java.util.UUID;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DemoData;
import org.medkarta.shared.UserId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data (issue 19): the demo cardiologist, {@code cardio@demo.medkarta.org}, heads a department of
 * the demo clinic, so the clinic dashboard can be tried as a head of department as well as an
 * administrator. A contribution of its own, so that databases seeded before it get it too.
 */
@Component
@Order(21)
class HeadOfDepartmentDemoData implements DemoData {

    static final String CARDIOLOGIST = "cardio@demo.medkarta.org";

    /** Who the clinic module's later demo contributions act as: a platform administrator. */
    static final SignedInUser SEEDER = new SignedInUser(
            new UserId(new UUID(0, 20)),
            "Демо-данные",
            null,
            List.of(new RoleGrant(Role.PLATFORM_ADMIN, null)),
            "DEMO");

    private final ClinicCatalogue catalogue;
    private final HeadsOfDepartment heads;

    HeadOfDepartmentDemoData(ClinicCatalogue catalogue, HeadsOfDepartment heads) {
        this.catalogue = catalogue;
        this.heads = heads;
    }

    @Override
    public String name() {
        return "clinic-demo-head-of-department";
    }

    @Override
    public void seed() {
        catalogue.findDoctors(null, "Соколова", null).stream()
                .filter(doctor -> CARDIOLOGIST.equals(doctor.email()))
                .findFirst()
                .ifPresent(doctor -> heads.appoint(SEEDER, doctor.clinicId(), doctor.id()));
    }
}
