package org.medkarta.audit;

import java.io.PrintStream;
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
        int status = verify(System.out);
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /**
     * Verifies the chain and prints the result, naming the first broken entry.
     *
     * @return the exit status: 0 when the chain is intact, 1 when it is broken
     */
    int verify(PrintStream out) {
        var verification = trail.verify();
        String message = verification.intact()
                ? "Audit trail intact: " + verification.checked() + " entries checked"
                : "Audit trail BROKEN at entry " + verification.firstBroken() + " (" + verification.checked()
                        + " entries checked)";
        log.info(message);
        out.println(message);
        return verification.intact() ? 0 : 1;
    }
}
