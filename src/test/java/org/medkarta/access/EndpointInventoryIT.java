package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.ApiSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every handler mapping of the running application, API and pages of every module, is classified in
 * {@link EndpointClassification}: covered by a row of an access matrix, or public, self-only,
 * staff-only or infrastructure, each with the reason (issue 12, "the suite that keeps it so"). A new
 * endpoint fails this test until someone decides which it is; an entry whose endpoint is gone fails
 * it too, so the classification stays the app's true map.
 */
class EndpointInventoryIT extends ApiSupport {

    @Autowired
    ApplicationContext context;

    /** {@code METHOD /path/{variable}} for every handler method of every request mapping. */
    TreeSet<String> inventory() {
        var found = new TreeSet<String>();
        context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
                    var methods = info.getMethodsCondition().getMethods();
                    for (String path : info.getPatternValues()) {
                        if (methods.isEmpty()) {
                            found.add("ANY " + path);
                        }
                        for (RequestMethod method : methods) {
                            found.add(method.name() + " " + path);
                        }
                    }
                }));
        return found;
    }

    @Test
    void everyEndpointOfEveryModuleIsClassifiedInTheAccessMatrix() throws IOException {
        var inventory = inventory();
        var unclassified = new TreeSet<String>(inventory);
        unclassified.removeAll(EndpointClassification.ALL.keySet());
        var stale = new TreeSet<String>(EndpointClassification.ALL.keySet());
        stale.removeAll(inventory);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/endpoint-inventory.txt"), inventory);
        assertThat(inventory).hasSizeGreaterThan(100);
        assertThat(unclassified)
                .as("endpoints not in EndpointClassification: add each with its kind and reason")
                .isEmpty();
        assertThat(stale)
                .as("EndpointClassification entries with no endpoint any more: remove them")
                .isEmpty();
    }

    @Test
    void everyEndpointTheMatrixClaimsIsCalledByAMatrixRow() {
        var called = new TreeSet<String>(AccessMatrixIT.IDENTITY_ENDPOINTS);
        called.addAll(AccessMatrixIT.RECORD_ENDPOINTS);
        called.addAll(AccessMatrixIT.REQUEST_ENDPOINTS);
        called.addAll(AccessMatrixIT.REFERRAL_ENDPOINTS);
        called.addAll(AccessMatrixIT.PHONE_CALL_ENDPOINTS);
        called.addAll(AccessMatrixIT.WALK_IN_ENDPOINTS);
        called.addAll(AccessMatrixIT.DASHBOARD_ENDPOINTS);
        called.addAll(AccessMatrixIT.HOME_VISIT_ENDPOINTS);
        called.addAll(AccessMatrixIT.PAYMENT_ENDPOINTS);
        called.addAll(AccessMatrixIT.CLOSURE_ENDPOINTS);
        called.addAll(AccessMatrixIT.PAYMENT_DESK_ENDPOINTS);
        called.addAll(AccessMatrixIT.NEARBY_AND_BOT_ENDPOINTS);
        EndpointClassification.ALL.forEach((endpoint, entry) -> {
            if (entry.kind() == EndpointClassification.Kind.MATRIX) {
                assertThat(called).as(endpoint + " is classified MATRIX").contains(endpoint);
            }
        });
    }
}
