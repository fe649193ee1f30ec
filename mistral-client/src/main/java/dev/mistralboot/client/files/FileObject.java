package dev.mistralboot.client.files;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A stored file, as upload, list and get answer it ({@code CreateFileResponse},
 * {@code FileSchema}, {@code GetFileResponse}).
 *
 * @param id the file id (a UUID)
 * @param object the object type, {@code file}
 * @param bytes the size in bytes (the API may send {@code null})
 * @param createdAt when the file was created, in seconds since the epoch
 * @param filename the file name
 * @param purpose what the file is for
 * @param sampleType the kind of samples it holds
 * @param numLines the number of lines (JSONL files), or {@code null}
 * @param mimetype the MIME type, or {@code null}
 * @param source where the file comes from
 * @param signature a signature of the content, or {@code null}
 * @param expiresAt when the file expires, in seconds since the epoch, or {@code null}
 * when it does not
 * @param visibility who can see it, or {@code null}
 * @param deleted whether the file was deleted (sent only by get)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FileObject(String id, @Nullable String object, @Nullable Long bytes, @Nullable Long createdAt,
		@Nullable String filename, @Nullable FilePurpose purpose, @Nullable SampleType sampleType,
		@Nullable Long numLines, @Nullable String mimetype, @Nullable FileSource source, @Nullable String signature,
		@Nullable Long expiresAt, @Nullable FileVisibility visibility, @Nullable Boolean deleted) {
}
