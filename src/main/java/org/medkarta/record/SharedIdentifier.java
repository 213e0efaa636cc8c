package org.medkarta.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.medkarta.shared.PatientId;

/**
 * Two or more records that carry one SNILS or one OMS policy number (SPEC E7): probably one person
 * registered twice, or a typing error; staff reconcile them.
 *
 * @param kind {@code SNILS} or {@code OMS}
 */
public record SharedIdentifier(String kind, String identifier, List<Holder> holders) {

    public record Holder(String kind, String identifier, PatientId patientId, String fullName, LocalDate birthDate) {}

    static List<SharedIdentifier> group(List<Holder> holders) {
        var groups = new LinkedHashMap<String, List<Holder>>();
        holders.forEach(
                holder -> groups.computeIfAbsent(holder.kind() + ":" + holder.identifier(), key -> new ArrayList<>())
                        .add(holder));
        return groups.values().stream()
                .map(list ->
                        new SharedIdentifier(list.get(0).kind(), list.get(0).identifier(), List.copyOf(list)))
                .toList();
    }
}
