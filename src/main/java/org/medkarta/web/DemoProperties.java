package org.medkarta.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code medkarta.demo.*}: whether the default profile creates the demo clinic, doctors and
 * patients on first start. The {@code prod} profile switches it off and never seeds.
 */
@ConfigurationProperties("medkarta.demo")
record DemoProperties(boolean enabled) {}
