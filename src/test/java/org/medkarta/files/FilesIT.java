package org.medkarta.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.medkarta.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class FilesIT {

    @Autowired
    Files files;

    @Autowired
    FileStore store;

    @Autowired
    MutableClock clock;

    final UserId owner = new UserId(UUID.randomUUID());

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aChatFileIsStoredDescribedAndOpenedById() {
        clock.freezeAt(java.time.Instant.parse("2026-11-23T10:00:00Z"));
        byte[] content = Samples.docx();

        var stored = files.store(FilePurpose.CHAT, owner, "file", "C:\\Мои документы\\Заключение.docx", content);

        assertThat(stored.name()).isEqualTo("Заключение.docx");
        assertThat(stored.mediaType()).isEqualTo(MediaTypes.DOCX);
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.sha256()).isEqualTo(Checksums.sha256(content));
        assertThat(stored.createdAt()).isEqualTo(java.time.Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(files.describe(stored.id())).contains(stored);
        var opened = files.open(stored.id());
        assertThat(opened.file()).isEqualTo(stored);
        assertThat(opened.content()).isEqualTo(content);
        assertThat(files.describe(List.of(FileId.random(), stored.id()))).containsExactly(stored);
    }

    @Test
    void everyChatTypeIsAcceptedAndNoOther() {
        for (byte[] content : List.of(
                Samples.pdf(),
                Samples.doc(),
                Samples.docx(),
                Samples.xls(),
                Samples.xlsx(),
                Samples.text(),
                Samples.jpeg(),
                Samples.png())) {
            assertThat(FilePurpose.CHAT.mediaTypes()).contains(files.check(FilePurpose.CHAT, "file", content));
        }
        assertThatThrownBy(() -> files.check(FilePurpose.PROTOCOL, "file", Samples.png()))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> files.check(FilePurpose.PATIENT_UPLOAD, "document", Samples.docx()))
                .isInstanceOf(InvalidInput.class)
                .satisfies(
                        refusal -> assertThat(((InvalidInput) refusal).field()).isEqualTo("document"));
    }

    @Test
    void anExecutableRenamedPdfIsRefused() {
        assertThatThrownBy(() -> files.store(FilePurpose.CHAT, owner, "file", "анализы.pdf", Samples.executable()))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("file");
                    assertThat(refusal.messageCode()).isEqualTo("files.validation.type");
                });
    }

    @Test
    void fiveMegabytesAreAcceptedAndOneByteMoreIsRefused() {
        byte[] limit = padded(Samples.text(), 5 * 1024 * 1024);
        assertThat(files.store(FilePurpose.CHAT, owner, "file", "big.txt", limit)
                        .size())
                .isEqualTo(5 * 1024 * 1024);

        byte[] over = padded(Samples.text(), 5 * 1024 * 1024 + 1);
        assertThatThrownBy(() -> files.store(FilePurpose.CHAT, owner, "attachment", "big.txt", over))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("attachment");
                    assertThat(refusal.messageCode()).isEqualTo("files.validation.too-big");
                });
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> files.store(FilePurpose.CHAT, owner, "file", "x.txt", new byte[0]))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refusal -> assertThat(refusal.messageCode()).isEqualTo("files.validation.empty"));
    }

    @Test
    void aFileChangedAtRestIsNeverServed() throws IOException {
        byte[] content = (Samples.text().length + " " + UUID.randomUUID()).getBytes();
        var stored = files.store(FilePurpose.CHAT, owner, "file", "note.txt", content);
        Path root = ((FilesystemFileStore) store).root();
        Path path = root.resolve(stored.sha256().substring(0, 2))
                .resolve(stored.sha256().substring(2, 4))
                .resolve(stored.sha256());
        java.nio.file.Files.writeString(path, "changed");

        assertThatThrownBy(() -> files.open(stored.id())).isInstanceOf(FileCorrupted.class);
        java.nio.file.Files.delete(path);
    }

    @Test
    void anUnknownFileIsNotFound() {
        assertThatThrownBy(() -> files.open(FileId.random())).isInstanceOf(NotFound.class);
    }

    private static byte[] padded(byte[] start, int length) {
        byte[] content = Arrays.copyOf(start, length);
        Arrays.fill(content, start.length, length, (byte) 'a');
        content[length - 1] = '\n';
        return content;
    }
}
