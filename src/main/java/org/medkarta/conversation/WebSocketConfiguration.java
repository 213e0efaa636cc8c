package org.medkarta.conversation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP over WebSocket at {@code /ws} (no SockJS: a blocked WebSocket falls back to polling the REST
 * API). Clients send to {@code /app/rooms/{id}/messages}, {@code /app/rooms/{id}/signal} and {@code
 * /app/rooms/{id}/read}, subscribe to {@code /topic/rooms.{id}} for what happens in a room and to
 * {@code /user/queue/signal} and {@code /user/queue/errors} for what is meant for them alone.
 *
 * <p>One node fans out with the in-memory broker. With {@code medkarta.conversation.broker.relay}
 * the broker is RabbitMQ's STOMP plugin, and user destinations and the user registry are broadcast
 * through it, so a member connected to one node reaches a member connected to another.
 *
 * <p>Frames are handled on the application's task executor, which Spring Boot gives both client
 * channels ({@code spring.task.execution.pool.*}).
 *
 * <p>The handshake accepts only the app's own origin (the default), so another site cannot open a
 * connection with a visitor's session cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
@EnableConfigurationProperties(ConversationProperties.class)
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    /** Room topics whose subscribers the in-memory broker remembers. */
    static final int DESTINATION_CACHE = 100_000;

    private final ConversationProperties properties;
    private final StompAuthorisation authorisation;

    WebSocketConfiguration(ConversationProperties properties, StompAuthorisation authorisation) {
        this.properties = properties;
        this.authorisation = authorisation;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws");
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        // One topic per room: past the default 1,024 cached destinations every delivery scanned all
        // subscriptions of all sessions (measured in bench/chat with 10,000 connections).
        registry.setCacheLimit(DESTINATION_CACHE);
        var broker = properties.broker();
        if (broker.relay()) {
            registry.enableStompBrokerRelay("/topic", "/queue")
                    .setRelayHost(broker.relayHost())
                    .setRelayPort(broker.relayPort())
                    .setClientLogin(broker.login())
                    .setClientPasscode(broker.passcode())
                    .setSystemLogin(broker.login())
                    .setSystemPasscode(broker.passcode())
                    .setVirtualHost(broker.virtualHost())
                    .setUserDestinationBroadcast("/topic/unresolved-user-destination")
                    .setUserRegistryBroadcast("/topic/simp-user-registry");
        } else {
            var scheduler = new ThreadPoolTaskScheduler();
            scheduler.setPoolSize(1);
            scheduler.setThreadNamePrefix("stomp-heartbeat-");
            // Not a bean, so no context closes it: a daemon thread, or a node whose start failed (a
            // port taken, the database away) would hang on it instead of exiting for a restart.
            scheduler.setDaemon(true);
            scheduler.initialize();
            registry.enableSimpleBroker("/topic", "/queue")
                    .setHeartbeatValue(new long[] {10_000, 10_000})
                    .setTaskScheduler(scheduler);
        }
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        // An offer with many codecs and candidates stays far below this; a chat message is at most
        // 4,000 characters.
        registration.setMessageSizeLimit(128 * 1024);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authorisation);
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(authorisation.deliveryGuard());
    }
}
