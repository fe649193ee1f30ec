package dev.mistralboot.client.chat;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An image reference: a URL or a {@code data:} URI, with an optional detail level.
 *
 * @param url the URL
 * @param detail the detail level, or {@code null} for the default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ImageUrl(String url, @Nullable ImageDetail detail) {

	/**
	 * Validates the reference.
	 */
	public ImageUrl {
		Objects.requireNonNull(url, "An image needs a url");
	}

	/**
	 * Reads the short form, a plain URL string.
	 * @param url the URL
	 * @return the reference
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static ImageUrl ofString(String url) {
		return new ImageUrl(url, null);
	}

}
