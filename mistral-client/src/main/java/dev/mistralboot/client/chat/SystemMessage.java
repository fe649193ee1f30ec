package dev.mistralboot.client.chat;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A system message: instructions for the model. Content is text or text/thinking chunks.
 *
 * @param content the content (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SystemMessage(Content content) implements ChatMessage {

	/**
	 * Validates the message.
	 */
	public SystemMessage {
		Objects.requireNonNull(content, "A system message needs content");
	}

	@Override
	@JsonProperty("role")
	public String role() {
		return "system";
	}

}
