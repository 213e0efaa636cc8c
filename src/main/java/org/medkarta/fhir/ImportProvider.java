package org.medkarta.fhir;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * {@code POST /fhir} with a {@code transaction} or {@code batch} Bundle: a record from another
 * system comes in ({@link FhirImport}). The response Bundle tells each entry's outcome; the {@code
 * X-Import-Report} header sums them up.
 */
@Component
class ImportProvider {

    static final String REPORT_HEADER = "X-Import-Report";

    private final FhirImport importer;
    private final LocaleResolver locales;

    ImportProvider(FhirImport importer, LocaleResolver locales) {
        this.importer = importer;
        this.locales = locales;
    }

    @Transaction
    public Bundle transaction(
            @TransactionParam Bundle bundle, HttpServletRequest request, HttpServletResponse response) {
        var imported = importer.run(bundle, FhirCaller.required(), null, locales.resolveLocale(request));
        response.setHeader(REPORT_HEADER, imported.report().header());
        return imported.bundle();
    }
}
