package dev.mistralboot.client.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Which functions of a built-in tool or connector to use.
 *
 * @param exclude functions to leave out
 * @param include functions to offer (all when {@code null})
 * @param requiresConfirmation functions that need the user's confirmation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ToolConfiguration(@Nullable List<String> exclude, @Nullable List<String> include,
		@Nullable List<String> requiresConfirmation) {
}
