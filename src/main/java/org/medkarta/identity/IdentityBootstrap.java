package org.medkarta.identity;

import org.medkarta.shared.Email;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first platform administrator from {@code MEDKARTA_BOOTSTRAP_ADMIN_EMAIL} and {@code
 * _PASSWORD} in any profile, once: an existing account with that e-mail is left as it is.
 */
@Component
class IdentityBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final ReadyAccounts staff;
    private final IdentityProperties properties;

    IdentityBootstrap(ReadyAccounts staff, IdentityProperties properties) {
        this.staff = staff;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        var bootstrap = properties.bootstrap();
        if (bootstrap.adminEmail().isBlank() || bootstrap.adminPassword().isBlank()) {
            return;
        }
        StaffAccounts.checkPasswordStrength(bootstrap.adminPassword());
        if (staff.staffIfAbsent(
                new Email(bootstrap.adminEmail().strip()),
                "Администратор",
                "Платформы",
                Role.PLATFORM_ADMIN,
                bootstrap.adminPassword())) {
            log.info("Platform administrator {} created", bootstrap.adminEmail());
        }
    }
}
