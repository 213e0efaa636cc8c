package org.medkarta.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Resource;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.ImportedSources;
import org.springframework.stereotype.Component;

/**
 * An imported entry read back as it came (SPEC I3, lossless): while nobody has corrected it, the
 * resource an entry was imported from is what Medkarta serves for it, with the entry's id, version
 * and time; once a clinician corrects it or marks it entered in error, the translator's resource
 * (what the record now says) is served instead.
 */
@Component
class ImportedResources {

    private final ImportedSources imports;
    private final FhirContext context;

    ImportedResources(ImportedSources imports, FhirContext context) {
        this.imports = imports;
        this.context = context;
    }

    /** The resource {@code entry} was imported from, if unchanged since, else {@code translated}. */
    <T extends Resource> T orTranslated(EntryDetail entry, T translated) {
        if (!ImportedSources.imported(entry.source())) {
            return translated;
        }
        return imports.source(entry)
                .map(json -> context.newJsonParser().parseResource(json))
                .filter(source -> source.getClass() == translated.getClass())
                .map(source -> {
                    @SuppressWarnings("unchecked")
                    T resource = (T) source;
                    resource.setIdElement(translated.getIdElement());
                    resource.setMeta(translated.getMeta());
                    return resource;
                })
                .orElse(translated);
    }
}
