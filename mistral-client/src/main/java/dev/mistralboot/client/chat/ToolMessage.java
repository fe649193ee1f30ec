package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The result of a tool call, sent back to the model.
 *
 * @param content the result (the API requires the field)
 * @param toolCallId the id of the call this answers
 * @param name the function name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ToolMessage(@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Content content,
		@Nullable String toolCallId, @Nullable String name) implements ChatMessage {

	@Override
	@JsonProperty("role")
	public String role() {
		return "tool";
	}

}
