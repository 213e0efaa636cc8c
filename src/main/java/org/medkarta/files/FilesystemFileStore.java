package org.medkarta.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A {@link FileStore} in a directory: the bytes with address {@code ab12…} live at {@code
 * <root>/ab/12/ab12…}, so that no directory holds too many entries. A file is written under a
 * temporary name and moved into place, so a crash never leaves half a file under an address, and
 * nodes sharing the directory (a network mount) never see one either.
 */
public final class FilesystemFileStore implements FileStore {

    private final Path root;

    public FilesystemFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public String put(byte[] content) {
        String address = Checksums.sha256(content);
        Path target = pathOf(address);
        if (java.nio.file.Files.exists(target)) {
            return address;
        }
        try {
            java.nio.file.Files.createDirectories(target.getParent());
            Path temporary = java.nio.file.Files.createTempFile(target.getParent(), address, ".part");
            try {
                java.nio.file.Files.write(temporary, content);
                try {
                    java.nio.file.Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    java.nio.file.Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                java.nio.file.Files.deleteIfExists(temporary);
            }
            return address;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store file " + address + " under " + root, e);
        }
    }

    @Override
    public byte[] get(String address) {
        byte[] content;
        try {
            content = java.nio.file.Files.readAllBytes(pathOf(address));
        } catch (NoSuchFileException e) {
            throw new FileCorrupted(address, "missing from " + root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read file " + address + " under " + root, e);
        }
        String actual = Checksums.sha256(content);
        if (!actual.equals(address)) {
            throw new FileCorrupted(address, "content has SHA-256 " + actual);
        }
        return content;
    }

    @Override
    public boolean contains(String address) {
        return java.nio.file.Files.exists(pathOf(address));
    }

    private Path pathOf(String address) {
        if (!Checksums.isAddress(address)) {
            throw new IllegalArgumentException("not a SHA-256 content address: " + address);
        }
        return root.resolve(address.substring(0, 2))
                .resolve(address.substring(2, 4))
                .resolve(address);
    }
}
