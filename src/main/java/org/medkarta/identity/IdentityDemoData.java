package org.medkarta.identity;

import java.time.LocalDate;
import org.medkarta.shared.DemoData;
import org.medkarta.shared.Email;
import org.medkarta.shared.Phone;
import org.medkarta.shared.Snils;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo accounts of ARCHITECTURE.md, so that anyone can try every role at once. The clinic and
 * scheduling modules attach the staff to the demo clinic and give the doctors their schedules.
 */
@Component
@Order(10)
class IdentityDemoData implements DemoData {

    private final ReadyAccounts accounts;
    private final AccountDirectory identity;
    private final RegistryIdentifiers identifiers;
    private final PatientRecords patientRecords;

    IdentityDemoData(
            ReadyAccounts accounts,
            AccountDirectory identity,
            RegistryIdentifiers identifiers,
            PatientRecords patientRecords) {
        this.accounts = accounts;
        this.identity = identity;
        this.identifiers = identifiers;
        this.patientRecords = patientRecords;
    }

    @Override
    public String name() {
        return "identity-accounts";
    }

    @Override
    public void seed() {
        accounts.staffIfAbsent(email("admin"), "Анна", "Смирнова", Role.PLATFORM_ADMIN, "Demo-admin-1");
        accounts.staffIfAbsent(email("clinic"), "Ольга", "Кузнецова", Role.CLINIC_ADMIN, "Demo-clinic-1");
        accounts.staffIfAbsent(email("doctor"), "Иван", "Петров", Role.DOCTOR, "Demo-doctor-1");
        accounts.staffIfAbsent(email("cardio"), "Елена", "Соколова", Role.DOCTOR, "Demo-doctor-2");
        // A paramedic of the demo clinic's rural post; the clinic module gives the role in the clinic.
        accounts.staffIfAbsent(email("fap"), "Мария", "Сельская", Role.PARAMEDIC, "Demo-paramedic-1");
        accounts.patientIfAbsent(
                new Phone("+79990000001"),
                email("patient"),
                "Иванов",
                "Сергей",
                "Александрович",
                LocalDate.of(1978, 3, 14));
        // The adult's documents, as the demo clinic's registry would have entered them.
        identity.findPatients("+79990000001").stream().findFirst().ifPresent(adult -> {
            var card = patientRecords.find(adult.patientId());
            if (card.map(found -> found.snils() == null).orElse(false)
                    && identity.findPatients("98765432183").isEmpty()) {
                identifiers.storeSnils(adult.patientId(), Snils.parse("98765432183", "snils"));
            }
            if (card.map(found -> found.policies().isEmpty()).orElse(false)) {
                identifiers.storeOms(
                        adult.userId(),
                        adult.patientId(),
                        "7755010812345678",
                        "АО «Страховая компания «Демо-Мед»",
                        null);
            }
        });
        accounts.patientIfAbsent(
                new Phone("+79990000002"), email("parent"), "Морозова", "Мария", "Игоревна", LocalDate.of(1990, 7, 2));
    }

    private static Email email(String name) {
        return new Email(name + "@demo.medkarta.org");
    }
}
