package dev.mistralboot.client.files;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer of {@code DELETE /v1/files/{file_id}} ({@code DeleteFileResponse}).
 *
 * @param id the file id
 * @param object the object type, {@code file}
 * @param deleted whether the file was deleted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeleteFileResponse(String id, @Nullable String object, @Nullable Boolean deleted) {
}
