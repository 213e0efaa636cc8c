package org.medkarta.terminology;

import java.time.Instant;

/**
 * What an import of an NSI dictionary file did.
 *
 * @param version the dictionary's version, from the file name ({@code 2.27}), or {@code unknown}
 * @param entries how many entries the dictionary holds after the import
 * @param unchanged whether the same file had been imported already, so nothing changed
 */
public record ImportResult(String version, String sha256, int entries, boolean unchanged, Instant importedAt) {}
