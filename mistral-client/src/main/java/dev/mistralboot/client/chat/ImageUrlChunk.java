package dev.mistralboot.client.chat;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An image chunk.
 *
 * @param imageUrl the image (the API accepts a URL string or an object; this library
 * sends the object)
 */
@JsonTypeName("image_url")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ImageUrlChunk(ImageUrl imageUrl) implements ContentChunk {

	/**
	 * Validates the chunk.
	 */
	public ImageUrlChunk {
		Objects.requireNonNull(imageUrl, "An image chunk needs an image_url");
	}

	/**
	 * The chunk type, as sent on the wire.
	 * @return {@code image_url}
	 */
	@JsonProperty("type")
	public String type() {
		return "image_url";
	}

}
