package dev.mistralboot.client.chat;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A chunk referring to an uploaded file by id.
 *
 * @param fileId the file id (a UUID)
 */
@JsonTypeName("file")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FileChunk(String fileId) implements ContentChunk {

	/**
	 * Validates the chunk.
	 */
	public FileChunk {
		Objects.requireNonNull(fileId, "A file chunk needs a file_id");
	}

	/**
	 * The chunk type, as sent on the wire.
	 * @return {@code file}
	 */
	@JsonProperty("type")
	public String type() {
		return "file";
	}

}
