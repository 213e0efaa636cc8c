package org.medkarta.clinic.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code medkarta.clinic.map.*}: the map of "Clinics near me" (SPEC B9).
 *
 * @param tilesUrl the tile server's URL template in Leaflet's form ({@code {z}/{x}/{y}}, optionally
 *     {@code {s}}), OpenStreetMap's by default; the page's image policy admits its origin
 * @param attribution the credit the tile server asks for, shown in the map's corner
 */
@ConfigurationProperties("medkarta.clinic.map")
record MapProperties(
        @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
        String tilesUrl,

        @DefaultValue("© OpenStreetMap contributors") String attribution) {}
