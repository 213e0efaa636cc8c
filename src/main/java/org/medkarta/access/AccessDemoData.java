package org.medkarta.access;

import java.time.Clock;
import java.time.LocalDate;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.Registration;
import org.medkarta.shared.DemoData;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo parent of ARCHITECTURE.md: the patient signing in at +79990000002 represents a child of
 * eight, registered with a birth certificate, so the record switcher and booking for a child can
 * be tried at once.
 */
@Component
@Order(50)
class AccessDemoData implements DemoData {

    private final AccountDirectory identity;
    private final Registration registration;
    private final Guardianships links;
    private final Clock clock;

    AccessDemoData(AccountDirectory identity, Registration registration, Guardianships links, Clock clock) {
        this.identity = identity;
        this.registration = registration;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "access-demo-child";
    }

    @Override
    public void seed() {
        var parent = identity.findPatients("+79990000002").stream().findFirst();
        if (parent.isEmpty() || !links.childrenOf(parent.get().userId()).isEmpty()) {
            return;
        }
        LocalDate born = LocalDate.now(clock).minusYears(8).withDayOfMonth(1);
        var child = registration.registerChild("Морозов", "Артём", "Игоревич", born.toString());
        links.link(
                parent.get().userId(),
                child.patientId(),
                Guardianships.Basis.BIRTH_CERTIFICATE,
                new BirthCertificate("IV-МЮ", "123456"),
                parent.get().userId(),
                clock.instant());
    }
}
