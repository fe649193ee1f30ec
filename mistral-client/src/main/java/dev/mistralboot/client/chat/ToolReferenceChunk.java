package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A reference to a source a built-in tool used (web search results and the like), found
 * inside thinking and in agent answers.
 *
 * @param tool the tool: a built-in connector name such as {@code web_search}, or another
 * name
 * @param title the source's title
 * @param url the source's URL
 * @param favicon the source's icon URL
 * @param description a description of the source
 */
@JsonTypeName("tool_reference")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ToolReferenceChunk(String tool, String title, @Nullable String url, @Nullable String favicon,
		@Nullable String description) implements ContentChunk, ThinkChunk.Part {

	/**
	 * The chunk type, as sent on the wire.
	 * @return {@code tool_reference}
	 */
	@JsonProperty("type")
	public String type() {
		return "tool_reference";
	}

}
