package org.medkarta.testing;

import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ClinicServices;
import org.medkarta.clinic.ClinicSetUp;
import org.medkarta.clinic.ClinicStaff;
import org.medkarta.clinic.OfferAndConsent;
import org.medkarta.clinic.PatientAttachments;
import org.medkarta.clinic.SupportQueue;
import org.springframework.stereotype.Component;

/**
 * The clinic module's facades together, for tests that set up clinics, doctors and services with
 * {@link TestClinics} and {@link TestCare} before they test another module. Found by component
 * scanning in every {@code @SpringBootTest} context, like {@link TestClockConfiguration}, so it adds
 * no context of its own.
 */
@Component
public class ClinicFacades {

    private final ClinicSetUp setUp;
    private final ClinicAdministrators administrators;
    private final ClinicStaff staff;
    private final ClinicServices services;
    private final ClinicCatalogue catalogue;
    private final OfferAndConsent documents;
    private final PatientAttachments attachments;
    private final SupportQueue support;

    ClinicFacades(
            ClinicSetUp setUp,
            ClinicAdministrators administrators,
            ClinicStaff staff,
            ClinicServices services,
            ClinicCatalogue catalogue,
            OfferAndConsent documents,
            PatientAttachments attachments,
            SupportQueue support) {
        this.setUp = setUp;
        this.administrators = administrators;
        this.staff = staff;
        this.services = services;
        this.catalogue = catalogue;
        this.documents = documents;
        this.attachments = attachments;
        this.support = support;
    }

    public ClinicSetUp setUp() {
        return setUp;
    }

    public ClinicAdministrators administrators() {
        return administrators;
    }

    public ClinicStaff staff() {
        return staff;
    }

    public ClinicServices services() {
        return services;
    }

    public ClinicCatalogue catalogue() {
        return catalogue;
    }

    public OfferAndConsent documents() {
        return documents;
    }

    public PatientAttachments attachments() {
        return attachments;
    }

    public SupportQueue support() {
        return support;
    }
}
