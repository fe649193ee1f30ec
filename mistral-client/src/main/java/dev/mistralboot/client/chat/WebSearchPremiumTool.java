package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Mistral's premium web search (with news agencies).
 *
 * @param toolConfiguration which of the tool's functions to include, exclude or confirm,
 * optional
 */
@JsonTypeName("web_search_premium")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebSearchPremiumTool(@Nullable ToolConfiguration toolConfiguration) implements Tool {
}
