package org.medkarta.conversation;

import org.medkarta.files.FileId;

/** A file sent with a chat message. */
public record AttachedFile(FileId id, String name, String mediaType, long size) {}
