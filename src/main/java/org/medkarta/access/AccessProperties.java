package org.medkarta.access;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code medkarta.access.*}.
 *
 * @param zone where a child's birthday begins: Europe/Moscow, the zone of order 003 (seed 003) that
 *     makes the rule, so every node and every clinic decides the same instant whatever zone the
 *     family's clinic keeps its schedule in
 * @param adultAge the age at which a parent's access ends and the child manages their record
 *     (order 003, §23.2)
 * @param codeValidity how long a code confirming a change of rights lives
 * @param codeAttempts how many wrong codes void it
 * @param emergencyWindow how long an emergency opening lets the doctor see the record
 */
@ConfigurationProperties("medkarta.access")
record AccessProperties(
        @DefaultValue("Europe/Moscow") ZoneId zone,
        @DefaultValue("15") int adultAge,
        @DefaultValue("15m") Duration codeValidity,
        @DefaultValue("5") int codeAttempts,
        @DefaultValue("1h") Duration emergencyWindow) {}
