/**
 * Files that people upload (SPEC D4, D7, E): a content-addressed {@link org.medkarta.files.FileStore}
 * (the filesystem by default, an S3-compatible store can implement the same interface), the checked
 * upload rules per {@link org.medkarta.files.FilePurpose} (type detected from the content with Apache
 * Tika, never from the name; at most 5 MB), and a metadata row per stored file.
 *
 * <p>It does not decide who may read a file: the module that attaches a file to a chat message, a
 * protocol or a record keeps the file id and checks its own rules before calling {@link
 * org.medkarta.files.Files#open}.
 */
@ApplicationModule(displayName = "Files")
package org.medkarta.files;

import org.springframework.modulith.ApplicationModule;
