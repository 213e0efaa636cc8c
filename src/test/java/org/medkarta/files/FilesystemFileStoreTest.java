package org.medkarta.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemFileStoreTest {

    @TempDir
    Path root;

    @Test
    void bytesAreStoredUnderTheirSha256InTwoLevelsOfDirectories() {
        var store = new FilesystemFileStore(root);
        byte[] content = "abc".getBytes(StandardCharsets.US_ASCII);

        String address = store.put(content);

        assertThat(address).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(root.resolve("ba").resolve("78").resolve(address)).hasBinaryContent(content);
        assertThat(store.get(address)).isEqualTo(content);
        assertThat(store.contains(address)).isTrue();
    }

    @Test
    void theSameBytesAreStoredOnce() throws IOException {
        var store = new FilesystemFileStore(root);
        String first = store.put(Samples.pdf());
        String second = store.put(Samples.pdf());

        assertThat(second).isEqualTo(first);
        try (var files = java.nio.file.Files.walk(root)) {
            assertThat(files.filter(java.nio.file.Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void bytesChangedAtRestAreRefusedOnRead() throws IOException {
        var store = new FilesystemFileStore(root);
        String address = store.put(Samples.png());
        Path stored = root.resolve(address.substring(0, 2))
                .resolve(address.substring(2, 4))
                .resolve(address);
        byte[] tampered = java.nio.file.Files.readAllBytes(stored);
        tampered[tampered.length - 1] ^= 1;
        java.nio.file.Files.write(stored, tampered);

        assertThatThrownBy(() -> store.get(address))
                .isInstanceOf(FileCorrupted.class)
                .hasRootCauseMessage("file " + address + ": content has SHA-256 " + Checksums.sha256(tampered));
    }

    @Test
    void missingBytesAreACorruptedFileToo() {
        var store = new FilesystemFileStore(root);
        String address = Checksums.sha256(new byte[] {1, 2, 3});

        assertThatThrownBy(() -> store.get(address)).isInstanceOf(FileCorrupted.class);
        assertThat(store.contains(address)).isFalse();
    }

    @Test
    void onlyContentAddressesReachThePath() {
        var store = new FilesystemFileStore(root);
        assertThatThrownBy(() -> store.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("AB" + "0".repeat(62))).isInstanceOf(IllegalArgumentException.class);
    }
}
