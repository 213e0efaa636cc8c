package org.medkarta.conversation;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code medkarta.conversation.*}.
 *
 * @param ice the STUN and TURN servers browsers use to connect calls
 * @param broker where STOMP messages fan out: in memory on one node, or a RabbitMQ STOMP relay
 */
@ConfigurationProperties("medkarta.conversation")
record ConversationProperties(
        @DefaultValue Ice ice, @DefaultValue Broker broker) {

    /**
     * @param stunUrls such as {@code stun:stun.example.org:3478}
     * @param turnUrls such as {@code turn:turn.example.org:3478?transport=udp}, {@code
     *     turns:turn.example.org:5349}
     * @param turnSecret the {@code static-auth-secret} of coturn ({@code use-auth-secret}); TURN is
     *     offered only with a secret
     * @param turnTtl how long TURN credentials stay valid
     */
    record Ice(
            @DefaultValue List<String> stunUrls,
            @DefaultValue List<String> turnUrls,
            @DefaultValue("") String turnSecret,
            @DefaultValue("12h") Duration turnTtl) {}

    /**
     * @param relay whether to fan out through an external STOMP broker (RabbitMQ with the {@code
     *     rabbitmq_stomp} plugin) so that members connected to different nodes reach each other
     * @param relayHost the broker's host
     * @param relayPort its STOMP port (RabbitMQ: 61613)
     * @param login the broker login for client connections
     * @param passcode its password
     * @param virtualHost the broker's virtual host ({@code /} on RabbitMQ)
     */
    record Broker(
            @DefaultValue("false") boolean relay,
            @DefaultValue("127.0.0.1") String relayHost,
            @DefaultValue("61613") int relayPort,
            @DefaultValue("guest") String login,
            @DefaultValue("guest") String passcode,
            @DefaultValue("/") String virtualHost) {}
}
