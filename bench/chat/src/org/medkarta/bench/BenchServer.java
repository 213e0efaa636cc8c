package org.medkarta.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.MedkartaApplication;
import org.medkarta.conversation.ConversationRooms;
import org.medkarta.conversation.Member;
import org.medkarta.conversation.RoomId;
import org.medkarta.identity.ApiTokens;
import org.medkarta.identity.ClientInfo;
import org.medkarta.identity.PatientRegistration;
import org.medkarta.identity.Registration;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The app under test for bench/chat: the whole Medkarta application, plus a bare WebSocket echo at
 * {@code /bench-echo} on the same Tomcat for the ceiling. After start it opens {@code rooms} rooms
 * of two patients each through the facades, as the consultation module would, and writes one line
 * per room ({@code roomId tokenA tokenB}) to the file named by {@code --bench.rooms-file}.
 */
public final class BenchServer {

    private BenchServer() {}

    @Configuration(proxyBeanMethods = false)
    @EnableWebSocket
    static class Echo implements WebSocketConfigurer {

        @Override
        public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
            registry.addHandler(echo(), "/bench-echo");
        }

        @Bean
        TextWebSocketHandler echo() {
            return new TextWebSocketHandler() {
                @Override
                protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
                    session.sendMessage(message);
                }
            };
        }
    }

    public static void main(String[] args) throws Exception {
        int rooms = Integer.getInteger("bench.rooms", 5000);
        int people = Integer.getInteger("bench.people", 200);
        Path out = Path.of(System.getProperty("bench.rooms-file", "rooms.txt"));
        var app = new SpringApplication(MedkartaApplication.class, Echo.class);
        var context = app.run(args);
        var registration = context.getBean(Registration.class);
        var apiTokens = context.getBean(ApiTokens.class);
        var conversations = context.getBean(ConversationRooms.class);
        var client = new ClientInfo("127.0.0.1", "bench");
        // A few hundred people, each in many rooms (as a doctor is in many consultations), so that
        // thousands of rooms need no thousands of registrations; every room has exactly two members.
        int first = java.util.concurrent.ThreadLocalRandom.current().nextInt(9_000_000);
        var users = new ArrayList<SignedInUser>();
        var tokens = new ArrayList<String>();
        for (int i = 0; i < people; i++) {
            var user = patient(registration, client, "+7916" + String.format("%07d", first + i));
            users.add(user);
            tokens.add(apiTokens.tokensFor(user).accessToken());
        }
        var lines = new ArrayList<String>();
        for (int i = 0; i < rooms; i++) {
            int a = (2 * i) % people;
            int b = (2 * i + 1) % people;
            var room = new RoomId(UUID.randomUUID());
            conversations.open(
                    room,
                    "Bench " + i,
                    List.of(
                            new Member(users.get(a).userId(), "PATIENT", "A"),
                            new Member(users.get(b).userId(), "DOCTOR", "B")));
            lines.add(room.value() + " " + tokens.get(a) + " " + tokens.get(b));
        }
        Path temporary = Files.createTempFile(out.toAbsolutePath().getParent(), "rooms", ".part");
        Files.write(temporary, lines);
        Files.move(temporary, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("bench: " + rooms + " rooms ready in " + out);
    }

    private static SignedInUser patient(Registration registration, ClientInfo client, String phone) {
        // Registration refuses a phone in use; the bench's database is fresh, so none is.
        var account = registration.register(
                new PatientRegistration(
                        "Нагрузкин",
                        "Тест",
                        null,
                        phone,
                        "1990-01-01",
                        "bench-" + UUID.randomUUID().toString().substring(0, 12) + "@example.ru",
                        registration.termsVersion()),
                client,
                "http://localhost",
                Locale.ENGLISH);
        return new SignedInUser(
                account.userId(), "Bench", account.patientId(), List.of(new RoleGrant(Role.PATIENT, null)), "SMS_CODE");
    }
}
