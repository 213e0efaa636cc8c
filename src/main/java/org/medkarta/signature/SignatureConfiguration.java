package org.medkarta.signature;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the {@link Signer}: {@code medkarta.signature.signer} is {@code keystore} or {@code remote}. */
@Configuration(proxyBeanMethods = false)
class SignatureConfiguration {

    @Bean
    Signer signer(SignatureProperties properties, KeyFiles files) {
        return properties.signsRemotely() ? new RemoteSigner(properties) : new KeystoreSigner(files, properties);
    }
}
