package org.medkarta.files;

/**
 * Keeps bytes under their content address, the lowercase hex SHA-256 of the bytes. The same bytes
 * are stored once. An implementation verifies the checksum on every read and refuses with {@link
 * FileCorrupted} rather than serve bytes that changed at rest.
 *
 * <p>{@link FilesystemFileStore} is the default; an S3-compatible store implements this interface
 * with the address as the object key and replaces the bean.
 */
public interface FileStore {

    /**
     * Stores the bytes and returns their address; storing the same bytes again returns the same
     * address and changes nothing.
     */
    String put(byte[] content);

    /**
     * The bytes stored under an address, checked against it.
     *
     * @throws FileCorrupted when the stored bytes are missing or their SHA-256 is not the address
     */
    byte[] get(String address);

    /** Whether bytes are stored under the address (not checked). */
    boolean contains(String address);
}
