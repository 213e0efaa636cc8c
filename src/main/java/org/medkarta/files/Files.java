package org.medkarta.files;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.TooLarge;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files module's API: checks an upload against the rules of its {@link FilePurpose}, keeps its
 * bytes in the {@link FileStore} and its description in a table, and reads both back by id.
 *
 * <p>Callers decide who may read a file; this facade only stores and serves.
 */
@Service
public class Files {

    static final int MAX_NAME_LENGTH = 255;

    private final FileStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final long maxSize;

    Files(FileStore store, JdbcClient jdbc, Clock clock, FilesProperties properties) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxSize = properties.maxSize().toBytes();
    }

    /** The largest file accepted, in bytes. */
    public long maxSize() {
        return maxSize;
    }

    /**
     * Checks an upload without storing it and returns its media type, detected from the content.
     *
     * @param field the name of the form or API field, which the refusal names
     * @throws InvalidInput naming {@code field} when the file is empty or of a type the purpose does
     *     not allow; {@link TooLarge} (413 in the API) when it is larger than {@link #maxSize()}
     */
    public String check(FilePurpose purpose, String field, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInput(field, "files.validation.empty");
        }
        if (content.length > maxSize) {
            throw new TooLarge(field, "files.validation.too-big", maxSize / (1024 * 1024));
        }
        String mediaType = ContentTypes.detect(content);
        if (!purpose.allows(mediaType)) {
            throw new InvalidInput(field, "files.validation.type", purpose.extensions());
        }
        return mediaType;
    }

    /**
     * Stores an upload after {@link #check checking} it.
     *
     * @param name the name it came with; any directory part is dropped and it is cut to 255
     *     characters
     */
    @Transactional
    public StoredFile store(FilePurpose purpose, UserId owner, String field, String name, byte[] content) {
        String mediaType = check(purpose, field, content);
        return insert(purpose, owner, name, content, mediaType);
    }

    private StoredFile insert(FilePurpose purpose, UserId owner, String name, byte[] content, String mediaType) {
        String address = store.put(content);
        var file = new StoredFile(
                FileId.random(), cleanName(name), mediaType, content.length, address, purpose, owner, clock.instant());
        jdbc.sql("""
                        INSERT INTO files_file (id, name, media_type, size_bytes, sha256, purpose, owner_id, created_at)
                        VALUES (:id, :name, :mediaType, :size, :sha256, :purpose, :owner, :createdAt)
                        """)
                .param("id", file.id().value())
                .param("name", file.name())
                .param("mediaType", file.mediaType())
                .param("size", file.size())
                .param("sha256", file.sha256())
                .param("purpose", file.purpose().name())
                .param("owner", owner.value())
                .param("createdAt", Columns.utc(file.createdAt()))
                .update();
        return file;
    }

    /**
     * Stores a document Medkarta itself issues (an extract of a record, its signature): its type is
     * still told from the content and must suit the purpose, but the upload size limit, which guards
     * against what people send, does not apply to what the platform makes.
     *
     * @throws IllegalArgumentException when the content is empty or not of a type the purpose allows
     */
    @Transactional
    public StoredFile storeIssued(FilePurpose purpose, UserId owner, String name, byte[] content) {
        if (content == null || content.length == 0) {
            throw new IllegalArgumentException("An issued document is empty");
        }
        String mediaType = ContentTypes.detect(content);
        if (!purpose.allows(mediaType)) {
            throw new IllegalArgumentException("An issued " + purpose + " is " + mediaType);
        }
        return insert(purpose, owner, name, content, mediaType);
    }

    /** What is known about a file, without reading its bytes. */
    @Transactional(readOnly = true)
    public Optional<StoredFile> describe(FileId id) {
        return jdbc.sql("SELECT * FROM files_file WHERE id = :id")
                .param("id", id.value())
                .query(Files::storedFile)
                .optional();
    }

    /** The descriptions of several files, in the order of the ids; unknown ids are left out. */
    @Transactional(readOnly = true)
    public List<StoredFile> describe(Collection<FileId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var found = jdbc.sql("SELECT * FROM files_file WHERE id IN (:ids)")
                .param("ids", ids.stream().map(FileId::value).toList())
                .query(Files::storedFile)
                .list();
        var ordered = new ArrayList<StoredFile>();
        for (FileId id : ids) {
            found.stream().filter(file -> file.id().equals(id)).findFirst().ifPresent(ordered::add);
        }
        return ordered;
    }

    /**
     * A file with its bytes.
     *
     * @throws NotFound when there is no such file
     * @throws FileCorrupted when the bytes in the store no longer match the file's checksum
     */
    @Transactional(readOnly = true)
    public FileContent open(FileId id) {
        StoredFile file = describe(id).orElseThrow(NotFound::new);
        return new FileContent(file, store.get(file.sha256()));
    }

    static String cleanName(String name) {
        String clean = name == null ? "" : name;
        clean = clean.substring(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1);
        clean = clean.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
            clean = "file";
        }
        return clean.length() > MAX_NAME_LENGTH ? clean.substring(0, MAX_NAME_LENGTH) : clean;
    }

    private static StoredFile storedFile(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        return new StoredFile(
                new FileId(Columns.uuid(row, "id")),
                row.getString("name"),
                row.getString("media_type"),
                row.getLong("size_bytes"),
                row.getString("sha256"),
                FilePurpose.valueOf(row.getString("purpose")),
                new UserId(row.getObject("owner_id", UUID.class)),
                Columns.instant(row, "created_at"));
    }
}
