package org.medkarta.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.files.Samples;

/**
 * Chat messages over the API (SPEC D4, J2): members send and read, files only members download,
 * read marks and unread counts, a closed room takes nothing new, and everyone else gets 404.
 */
class ChatMessagesIT extends ConversationSupport {

    @Test
    void membersSendAndReadTheChatAndEveryoneElseGetsNotFound() {
        var patient = person("Анна");
        var doctor = person("Борис");
        var stranger = person("Вера");
        var room = room(patient, doctor);
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.freezeAt(now);

        var sent = post(
                messagesPath(room), map("text", "Здравствуйте, доктор"), "Authorization", "Bearer " + patient.token());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(body(sent).get("authorId").asString())
                .isEqualTo(patient.id().value().toString());
        assertThat(body(sent).get("sentAt").asString()).isEqualTo(now.toString());
        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(post(
                                messagesPath(room),
                                map("text", "Здравствуйте, Анна"),
                                "Authorization",
                                "Bearer " + doctor.token())
                        .statusCode())
                .isEqualTo(201);

        var list = getAs(doctor.token(), messagesPath(room));
        assertThat(list.statusCode()).isEqualTo(200);
        var messages = body(list);
        assertThat(messages.size()).isEqualTo(2);
        assertThat(messages.get(0).get("text").asString()).isEqualTo("Здравствуйте, доктор");
        assertThat(messages.get(0).has("id")).isTrue();
        assertThat(messages.get(0).get("files").isArray()).isTrue();
        assertThat(messages.get(1).get("authorId").asString())
                .isEqualTo(doctor.id().value().toString());

        String firstId = messages.get(0).get("id").asString();
        var after = body(getAs(patient.token(), messagesPath(room) + "?after=" + firstId));
        assertThat(after.size()).isEqualTo(1);
        assertThat(after.get(0).get("text").asString()).isEqualTo("Здравствуйте, Анна");

        var peek = getAs(stranger.token(), messagesPath(room));
        assertThat(peek.statusCode()).isEqualTo(404);
        assertThat(problem(peek)).isEqualTo("not-found");
        var intrude =
                post(messagesPath(room), map("text", "Я тоже тут"), "Authorization", "Bearer " + stranger.token());
        assertThat(intrude.statusCode()).isEqualTo(404);
        assertThat(chatMessages.messages(room, doctor.id(), null, 100)).hasSize(2);
        assertThat(getAs(patient.token(), messagesPath(new RoomId(UUID.randomUUID())))
                        .statusCode())
                .isEqualTo(404);
        assertThat(getAs(patient.token(), "/api/v1/consultations/not-an-id/messages")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(messagesPath(room)).statusCode()).isEqualTo(401);
    }

    @Test
    void anEmptyOrTooLongMessageIsRefusedNamingTheField() {
        var patient = person("Анна");
        var room = room(patient, person("Борис"));

        var empty = post(messagesPath(room), map("text", "   "), "Authorization", "Bearer " + patient.token());
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(body(empty).get("field").asString()).isEqualTo("text");
        var tooLong =
                post(messagesPath(room), map("text", "я".repeat(4001)), "Authorization", "Bearer " + patient.token());
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(body(tooLong).get("field").asString()).isEqualTo("text");
    }

    @Test
    void aClosedRoomKeepsItsHistoryAndTakesNothingNew() {
        var patient = person("Анна");
        var doctor = person("Борис");
        var room = room(patient, doctor);
        chatMessages.send(room, doctor.id(), "Рекомендации отправлены в протоколе");

        conversationRooms.close(room);

        var refused = post(messagesPath(room), map("text", "Спасибо!"), "Authorization", "Bearer " + patient.token());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(problem(refused)).isEqualTo("room-closed");
        var history = getAs(patient.token(), messagesPath(room));
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(body(history).size()).isEqualTo(1);
        assertThat(conversationRooms.room(room).orElseThrow().open()).isFalse();
    }

    @Test
    void readMarksCountWhatOthersWroteAfterThem() {
        var patient = person("Анна");
        var doctor = person("Борис");
        var room = room(patient, doctor);
        var first = chatMessages.send(room, doctor.id(), "Первое");
        chatMessages.send(room, doctor.id(), "Второе");
        chatMessages.send(room, doctor.id(), "Третье");

        assertThat(body(getAs(patient.token(), messagesPath(room) + "/unread"))
                        .get("unread")
                        .asLong())
                .isEqualTo(3);
        assertThat(chatMessages.unread(room, doctor.id())).isZero();

        var marked = post(
                messagesPath(room) + "/read",
                map("upTo", first.id().toString()),
                "Authorization",
                "Bearer " + patient.token());
        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(body(marked).get("unread").asLong()).isEqualTo(2);
        // The mark never moves back.
        chatMessages.markRead(room, patient.id(), null);
        assertThat(chatMessages.markRead(room, patient.id(), first.id())).isZero();
        assertThat(chatMessages.unread(patient.id(), List.of(room))).containsEntry(room, 0L);
        // Answering marks what came before as read: the author has seen it.
        chatMessages.send(room, patient.id(), "Ответ");
        assertThat(chatMessages.unread(room, doctor.id())).isEqualTo(1);
        chatMessages.send(room, doctor.id(), "Ещё вопрос");
        chatMessages.send(room, patient.id(), "Ответ на вопрос");
        assertThat(chatMessages.unread(room, patient.id())).isZero();
        assertThat(post(
                                messagesPath(room) + "/read",
                                map(),
                                "Authorization",
                                "Bearer " + person("Вера").token())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aMemberSendsAFileThatOnlyMembersCanDownload() {
        var patient = person("Анна");
        var doctor = person("Борис");
        var stranger = person("Вера");
        var room = room(patient, doctor);
        byte[] docx = Samples.docx();

        var sent = upload(room, patient, "Выписка.docx", docx, "Выписка из стационара");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        var file = body(sent).get("files").get(0);
        assertThat(file.get("name").asString()).isEqualTo("Выписка.docx");
        assertThat(file.get("mediaType").asString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(body(sent).get("text").asString()).isEqualTo("Выписка из стационара");

        String path = "/api/v1/consultations/" + room.value() + "/files/"
                + file.get("id").asString();
        var download = send(
                request(path)
                        .header("Authorization", "Bearer " + doctor.token())
                        .GET()
                        .build(),
                true);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(docx);
        assertThat(download.headers().firstValue("Content-Type"))
                .contains(file.get("mediaType").asString());
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(getAs(stranger.token(), path).statusCode()).isEqualTo(404);
        var listed = body(getAs(doctor.token(), messagesPath(room)));
        assertThat(listed.get(0).get("files").get(0).get("id").asString())
                .isEqualTo(file.get("id").asString());
    }

    @Test
    void anExecutableNamedPdfAndAFileOfFiveMegabytesAndOneByteAreRefused() {
        var patient = person("Анна");
        var room = room(patient, person("Борис"));

        var program = upload(room, patient, "analysis.pdf", Samples.executable(), null);
        assertThat(program.statusCode()).isEqualTo(422);
        assertThat(body(program).get("field").asString()).isEqualTo("file");
        assertThat(body(program).get("detail").asString()).contains("PDF");

        byte[] big = Arrays.copyOf("Анализы\n".getBytes(StandardCharsets.UTF_8), 5 * 1024 * 1024 + 1);
        Arrays.fill(big, 16, big.length, (byte) 'a');
        var tooBig = upload(room, patient, "big.txt", big, null);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(body(tooBig).get("field").asString()).isEqualTo("file");

        var fits = upload(room, patient, "fits.txt", Arrays.copyOf(big, 5 * 1024 * 1024), null);
        assertThat(fits.statusCode()).isEqualTo(201);
        assertThat(chatMessages.messages(room, patient.id(), null, 10)).hasSize(1);
    }

    private HttpResponse<String> upload(RoomId room, Person person, String name, byte[] content, String text) {
        String boundary = "----medkarta" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        if (text != null) {
            out.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + text)
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(messagesPath(room) + "/files")
                .header("Authorization", "Bearer " + person.token())
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build());
    }

    private HttpResponse<byte[]> send(HttpRequest request, boolean bytes) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
