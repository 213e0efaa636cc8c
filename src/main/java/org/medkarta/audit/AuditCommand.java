package org.medkarta.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The verification command (SPEC G2): {@code java -jar medkarta.jar --verify-audit} checks the
 * whole chain, prints the result and exits with 0 when it is intact, 1 when it is broken.
 */
@Component
class AuditCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditCommand.class);

    private final AuditTrail trail;
    private final ConfigurableApplicationContext context;

    AuditCommand(AuditTrail trail, ConfigurableApplicationContext context) {
        this.trail = trail;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!arguments.containsOption("verify-audit")) {
            return;
        }
        var verification = trail.verify();
        String message = verification.intact()
                ? "Audit trail intact: " + verification.checked() + " entries checked"
                : "Audit trail BROKEN at entry " + verification.firstBroken() + " (" + verification.checked()
                        + " entries checked)";
        log.info(message);
        System.out.println(message);
        System.exit(SpringApplication.exit(context, () -> verification.intact() ? 0 : 1));
    }
}
