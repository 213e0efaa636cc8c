package org.medkarta.access;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.medkarta.clinic.ClinicCard;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.identity.PatientCard;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.PolicyKind;
import org.medkarta.identity.PolicyView;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * Which records a clinic keeps that may be the requester's (SPEC E0): found by SNILS, by OMS policy
 * number, or by full name and birth date, and only among the records the clinic keeps (attached,
 * booked, referred or registered there, {@link ClinicCareRelationships}). Nothing is merged: a match
 * only tells the registry, or the clinic's automatic approval, which record to bind.
 */
@Component
class RecordRequestMatching {

    static final String SNILS = "SNILS";
    static final String OMS = "OMS";
    static final String NAME_AND_BIRTH_DATE = "NAME_AND_BIRTH_DATE";

    /** Who the request says the person is. */
    record Person(
            String lastName,
            String firstName,
            String patronymic,
            LocalDate birthDate,
            String snils,
            String omsNumber,
            PatientId requesterOwnRecord) {}

    private final PatientRecords records;
    private final ClinicCareRelationships care;
    private final ClinicCatalogue clinics;

    RecordRequestMatching(PatientRecords records, ClinicCareRelationships care, ClinicCatalogue clinics) {
        this.records = records;
        this.care = care;
        this.clinics = clinics;
    }

    /** The records {@code clinic} keeps that match the person by SNILS, OMS policy, or name and birth date. */
    List<RecordCandidate> candidates(ClinicId clinic, Person person) {
        return found(person).stream()
                .filter(card -> care.caresFor(clinic, card.patientId()))
                .map(card -> candidate(card, person))
                .filter(candidate -> !candidate.matchedBy().isEmpty())
                .toList();
    }

    /** Every clinic that keeps a record matching the person, for a request "to all clinics". */
    List<ClinicId> clinicsKeeping(Person person) {
        var cards = found(person).stream()
                .filter(card -> !candidate(card, person).matchedBy().isEmpty())
                .toList();
        if (cards.isEmpty()) {
            return List.of();
        }
        return clinics.catalogue(null).stream()
                .map(ClinicCard::id)
                .filter(clinic -> cards.stream().anyMatch(card -> care.caresFor(clinic, card.patientId())))
                .toList();
    }

    /** The one exact match {@code clinic} keeps, when there is exactly one. */
    java.util.Optional<RecordCandidate> exactMatch(ClinicId clinic, Person person) {
        var exact = candidates(clinic, person).stream()
                .filter(RecordCandidate::exact)
                .toList();
        return exact.size() == 1 ? java.util.Optional.of(exact.get(0)) : java.util.Optional.empty();
    }

    private List<PatientCard> found(Person person) {
        var ids = new LinkedHashSet<PatientId>();
        ids.addAll(records.holders(person.snils()));
        ids.addAll(records.holders(person.omsNumber()));
        ids.addAll(records.namesakes(person.lastName(), person.firstName(), person.birthDate()));
        ids.remove(person.requesterOwnRecord());
        return ids.stream()
                .map(records::find)
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    private static RecordCandidate candidate(PatientCard card, Person person) {
        Set<String> matchedBy = new LinkedHashSet<>();
        if (person.snils().equals(card.snils())) {
            matchedBy.add(SNILS);
        }
        List<String> oms = card.policies().stream()
                .filter(policy -> policy.kind() == PolicyKind.OMS)
                .map(PolicyView::number)
                .toList();
        if (oms.contains(person.omsNumber())) {
            matchedBy.add(OMS);
        }
        boolean sameName = same(card.lastName(), person.lastName()) && same(card.firstName(), person.firstName());
        if (sameName && person.birthDate().equals(card.birthDate())) {
            matchedBy.add(NAME_AND_BIRTH_DATE);
        }
        boolean exact = matchedBy.size() == 3 && same(card.patronymic(), person.patronymic());
        return new RecordCandidate(
                card.patientId(),
                card.lastName(),
                card.firstName(),
                card.patronymic(),
                card.birthDate(),
                card.snils(),
                oms,
                java.util.Collections.unmodifiableSet(matchedBy),
                exact);
    }

    /** Names compared as people write them: case and ё/е aside. */
    static boolean same(String a, String b) {
        return Objects.equals(normal(a), normal(b));
    }

    private static String normal(String name) {
        return name == null || name.isBlank()
                ? null
                : name.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
