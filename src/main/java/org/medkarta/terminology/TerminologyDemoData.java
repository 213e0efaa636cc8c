package org.medkarta.terminology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import org.medkarta.shared.DemoData;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Imports the ministry's ICD-10 dictionary that the demo data carries (compressed, see {@code
 * demo/mkb10/README.md} for its source), so that the protocol form finds diagnoses on a fresh
 * machine's first start. Demo data only: production never seeds demo data, and imports the official
 * file through {@code /admin/terminology} or {@code --import-icd10}.
 *
 * <p>It follows readiness: the import is most of a fresh machine's first start, and the app serves
 * everything else meanwhile (issue 18).
 */
@Component
@Order(35)
class TerminologyDemoData implements DemoData {

    /** The resource, named as the register names its files so that its version is read off it. */
    static final String RESOURCE = "demo/mkb10/" + Icd10Codes.DICTIONARY + "_2.27.csv.gz";

    private final Terminology terminology;

    TerminologyDemoData(Terminology terminology) {
        this.terminology = terminology;
    }

    @Override
    public String name() {
        return "terminology-icd10";
    }

    /** Nothing else in the demo needs the dictionary, and its search says "loading" meanwhile. */
    @Override
    public boolean followsReadiness() {
        return true;
    }

    @Override
    public void loading(boolean loading) {
        terminology.icd10Loading(loading);
    }

    @Override
    public void seed() {
        terminology.importIcd10(RESOURCE.substring(0, RESOURCE.length() - ".gz".length()), bundled());
    }

    static byte[] bundled() {
        try (var in = new GZIPInputStream(new ClassPathResource(RESOURCE).getInputStream())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
