package org.medkarta.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code medkarta.demo.*}: whether the default profile creates the demo clinic, doctors and
 * patients on first start. The {@code prod} profile switches it off and never seeds.
 *
 * @param background whether the contributions that may follow readiness (the ICD-10 dictionary) are
 *     seeded on a background thread after the app answers ready (the default), or before it like the
 *     others (the test suite, whose tests expect the whole demo in place when their context starts)
 */
@ConfigurationProperties("medkarta.demo")
record DemoProperties(boolean enabled, Boolean background) {

    DemoProperties {
        if (background == null) {
            background = true;
        }
    }
}
