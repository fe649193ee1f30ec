package dev.mistralboot.client.chat;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A document chunk, read from a URL.
 *
 * @param documentUrl the document URL
 * @param documentName the document's name, optional
 */
@JsonTypeName("document_url")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DocumentUrlChunk(String documentUrl, @Nullable String documentName) implements ContentChunk {

	/**
	 * Validates the chunk.
	 */
	public DocumentUrlChunk {
		Objects.requireNonNull(documentUrl, "A document chunk needs a document_url");
	}

	/**
	 * The chunk type, as sent on the wire.
	 * @return {@code document_url}
	 */
	@JsonProperty("type")
	public String type() {
		return "document_url";
	}

}
