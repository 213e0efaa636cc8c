package org.medkarta;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Medkarta: telemedicine platform, patient portal and electronic medical record for clinics. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MedkartaApplication {

    public static void main(String[] args) {
        SpringApplication.run(MedkartaApplication.class, args);
    }
}
