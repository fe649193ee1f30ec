/**
 * Files ({@code /v1/files}): {@link dev.mistralboot.client.files.MistralFilesClient}
 * uploads (streamed multipart, from a path, a Spring {@code Resource} or an
 * {@code InputStream}), lists (one page or all pages), reads, deletes and downloads
 * files, and creates signed URLs.
 */
@NullMarked
package dev.mistralboot.client.files;

import org.jspecify.annotations.NullMarked;
