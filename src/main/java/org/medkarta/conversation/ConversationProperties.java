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
 * @param calls when a call nobody is connected to any more ends
 */
@ConfigurationProperties("medkarta.conversation")
record ConversationProperties(
        @DefaultValue Ice ice,
        @DefaultValue Broker broker,
        @DefaultValue Calls calls) {

    /**
     * @param grace how long a call goes on after the last WebSocket session of its room's members
     *     ended (a reconnect within it keeps the call); also how long a node's session counts as live
     *     without its node refreshing it
     * @param sweepInterval how often each node refreshes its sessions and looks for such calls;
     *     shorter than {@code grace}
     */
    record Calls(
            @DefaultValue("60s") Duration grace,
            @DefaultValue("15s") Duration sweepInterval) {}

    /**
     * @param stunUrls such as {@code stun:stun.example.org:3478}
     * @param turnUrls such as {@code turn:turn.example.org:3478?transport=udp}, {@code
     *     turns:turn.example.org:5349}
     * @param turnSecret the {@code static-auth-secret} of coturn ({@code use-auth-secret}); TURN is
     *     offered only with a secret
     * @param turnTtl how long TURN credentials stay valid
     * @param relayOnly whether browsers connect calls only through the TURN servers ({@code
     *     iceTransportPolicy: "relay"}): neither side learns the other's network addresses, and a
     *     clinic whose firewall lets media out only to its TURN server still connects
     */
    record Ice(
            @DefaultValue List<String> stunUrls,
            @DefaultValue List<String> turnUrls,
            @DefaultValue("") String turnSecret,
            @DefaultValue("12h") Duration turnTtl,
            @DefaultValue("false") boolean relayOnly) {}

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
