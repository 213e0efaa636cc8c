package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibilityTest {

    @Test
    void theNarrowerOfADoctorsAndAServicesVisibilityWins() {
        assertThat(Visibility.REGION.narrowest(Visibility.REFERRAL)).isEqualTo(Visibility.REFERRAL);
        assertThat(Visibility.ATTACHED.narrowest(Visibility.REGION)).isEqualTo(Visibility.ATTACHED);
        assertThat(Visibility.REFERRAL.narrowest(Visibility.ATTACHED)).isEqualTo(Visibility.REFERRAL);
        assertThat(Visibility.REGION.narrowest(null)).isEqualTo(Visibility.REGION);
    }
}
