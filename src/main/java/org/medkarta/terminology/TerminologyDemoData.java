package org.medkarta.terminology;

import org.medkarta.shared.DemoData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Imports the ministry's ICD-10 file for the demo when it lies in the configured directory (beside
 * the project in development), so the protocol form can find diagnoses. Without the file the demo
 * runs with an empty dictionary, and an administrator can upload it at {@code /admin/terminology}.
 */
@Component
@Order(35)
class TerminologyDemoData implements DemoData {

    private final Terminology terminology;

    TerminologyDemoData(Terminology terminology) {
        this.terminology = terminology;
    }

    @Override
    public String name() {
        return "terminology-icd10";
    }

    @Override
    public void seed() {
        terminology.icd10File().ifPresent(terminology::importIcd10);
    }
}
