package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A user message: text or chunks (text, image URL, document URL, reference, file,
 * thinking, audio).
 *
 * @param content the content; the API requires the field, and accepts {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserMessage(@Nullable Content content) implements ChatMessage {

	@Override
	@JsonProperty("role")
	public String role() {
		return "user";
	}

}
