/**
 * The platform shell: the page layout and navigation, the home page, the language switch, error
 * pages and ProblemDetail answers for the API, the security configuration and the demo-data seeder.
 *
 * <p>It holds no domain rules and no medical data: pages that belong to a capability (booking, the
 * doctor's desk, the record) live in their own module and only use the layout from here.
 */
@ApplicationModule(displayName = "Web shell")
package org.medkarta.web;

import org.springframework.modulith.ApplicationModule;
