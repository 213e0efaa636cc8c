package org.medkarta.clinic;

import java.util.Locale;
import org.medkarta.shared.DemoData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data (issue 23): the demo paramedic, {@code fap@demo.medkarta.org}, works at a rural post (ФАП)
 * of the demo clinic, invited as its administrator invites one, so that a paramedic's question to a
 * doctor (seed 004 «врач (фельдшер)-врач») can be tried. A contribution of its own, so that databases
 * seeded before it get it too.
 */
@Component
@Order(22)
class ParamedicDemoData implements DemoData {

    static final String PARAMEDIC = "fap@demo.medkarta.org";

    private final ClinicCatalogue catalogue;
    private final ClinicStaff clinicStaff;

    ParamedicDemoData(ClinicCatalogue catalogue, ClinicStaff clinicStaff) {
        this.catalogue = catalogue;
        this.clinicStaff = clinicStaff;
    }

    @Override
    public String name() {
        return "clinic-demo-paramedic";
    }

    @Override
    public void seed() {
        catalogue.findDoctors(null, "Петров", null).stream()
                .filter(doctor -> "doctor@demo.medkarta.org".equals(doctor.email()))
                .findFirst()
                .ifPresent(doctor -> clinicStaff.inviteParamedic(
                        HeadOfDepartmentDemoData.SEEDER,
                        doctor.clinicId(),
                        new StaffInvitation(PARAMEDIC, "Сельская", "Мария", null),
                        "http://localhost",
                        Locale.forLanguageTag("ru")));
    }
}
