package org.medkarta.files;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code medkarta.files.*}.
 *
 * @param root the directory of the filesystem store (content-addressed)
 * @param maxSize the largest file accepted for any purpose (SPEC D4: 5 MB)
 */
@ConfigurationProperties("medkarta.files")
record FilesProperties(
        @DefaultValue("./data/files") Path root,
        @DefaultValue("5MB") DataSize maxSize) {}
