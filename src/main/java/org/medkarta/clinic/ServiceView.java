package org.medkarta.clinic;

import java.util.List;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;

/** A service type of a clinic: what it is, how long it takes, what it costs and who gives it. */
public record ServiceView(
        ServiceId id,
        ClinicId clinicId,
        String name,
        Specialty specialty,
        ServiceFormat format,
        ServiceKind kind,
        int durationMinutes,
        long priceKopecks,
        List<DoctorId> doctorIds,
        Visibility visibility,
        boolean active) {

    /** The price in roubles for display, {@code 1500.00}. */
    public java.math.BigDecimal priceRoubles() {
        return java.math.BigDecimal.valueOf(priceKopecks, 2);
    }
}
