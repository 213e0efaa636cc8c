package org.medkarta.record;

import org.junit.jupiter.api.AfterEach;
import org.medkarta.access.RecordAccess;
import org.medkarta.notification.DevOutbox;
import org.medkarta.scheduling.PatientReferrals;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Record pages in a browser: patients registered and referred to the demo doctor through the
 * facades, codes read from the outbox, the clock reset after each test.
 */
abstract class RecordBrowserSupport extends BrowserSupport {

    @Autowired
    protected RecordAccess access;

    @Autowired
    protected PatientReferrals patientReferrals;

    @Autowired
    protected IdentityFacades identity;

    @Autowired
    protected ClinicFacades clinics;

    @Autowired
    protected DevOutbox outbox;

    @Autowired
    protected MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
