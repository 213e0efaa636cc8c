package org.medkarta.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.UserId;

class TurnCredentialsTest {

    final UserId user = new UserId(UUID.fromString("0b3c1d2e-0000-4000-8000-000000000001"));

    @Test
    void usernameIsTheExpiryAndTheUserAndThePasswordIsTheHmacSha1OfItAsCoturnComputesIt() {
        // Expected value computed apart from the code under test:
        // echo -n "1700000000:0b3c1d2e-0000-4000-8000-000000000001" | openssl dgst -sha1 -hmac north-wind -binary |
        // base64
        var server = TurnCredentials.issue(
                List.of("turn:turn.example.org:3478"),
                "north-wind",
                Duration.ofHours(1),
                user,
                Instant.ofEpochSecond(1_700_000_000L - 3600));

        assertThat(server.urls()).containsExactly("turn:turn.example.org:3478");
        assertThat(server.username()).isEqualTo("1700000000:0b3c1d2e-0000-4000-8000-000000000001");
        assertThat(server.credential()).isEqualTo("XMYQjNlcZeCb3hQq+jMY+d2i8jE=");
    }

    @Test
    void anotherSecretOrExpiryGivesAnotherPassword() {
        var now = Instant.ofEpochSecond(1_700_000_000L);
        var first = TurnCredentials.issue(List.of("turn:t"), "north-wind", Duration.ofHours(1), user, now);
        var otherSecret = TurnCredentials.issue(List.of("turn:t"), "south-wind", Duration.ofHours(1), user, now);
        var later = TurnCredentials.issue(List.of("turn:t"), "north-wind", Duration.ofHours(2), user, now);

        assertThat(otherSecret.credential()).isNotEqualTo(first.credential());
        assertThat(later.username()).isEqualTo("1700007200:" + user.value());
        assertThat(later.credential()).isNotEqualTo(first.credential());
    }
}
