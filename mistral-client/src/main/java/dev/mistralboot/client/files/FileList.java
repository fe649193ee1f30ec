package dev.mistralboot.client.files;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mistralboot.client.core.Page;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One page of {@code GET /v1/files} ({@code ListFilesResponse}).
 *
 * @param data the files of this page
 * @param object the object type, {@code list}
 * @param total the number of files across all pages, when asked for
 * ({@code includeTotal})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FileList(List<FileObject> data, @Nullable String object,
		@Nullable Long total) implements Page<FileObject> {

	/**
	 * Fills in defaults for what the API left out.
	 */
	public FileList {
		data = (data != null) ? List.copyOf(data) : List.of();
	}

}
