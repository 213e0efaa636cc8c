package org.medkarta.record;

import java.util.List;

/**
 * What an extract is ordered with (SPEC E10): the sections (entry types, all the reader may see when
 * none is chosen), a period of effective dates ({@code yyyy-MM-dd}, both ends optional and
 * included) and the issuing clinic (by default the clinic the patient is attached to, else the one
 * that wrote in the record last).
 */
public record ExtractForm(List<String> sections, String from, String to, String clinicId) {

    public ExtractForm {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }
}
