package org.medkarta.files;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The filesystem store unless another {@link FileStore} bean (an S3-compatible one) is defined. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FilesProperties.class)
class FilesConfiguration {

    @Bean
    @ConditionalOnMissingBean(FileStore.class)
    FileStore fileStore(FilesProperties properties) {
        return new FilesystemFileStore(properties.root());
    }
}
