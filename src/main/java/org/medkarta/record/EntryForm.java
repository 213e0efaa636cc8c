package org.medkarta.record;

import java.util.Map;

/**
 * A clinician's new entry or correction as typed: the fields by name (see {@link
 * EntryType#fields()}), the reason for a correction, and whether they confirmed filing an entry
 * that duplicates one in the record.
 */
public record EntryForm(EntryType type, Map<String, String> fields, String reason, boolean confirmDuplicate) {

    public EntryForm {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
