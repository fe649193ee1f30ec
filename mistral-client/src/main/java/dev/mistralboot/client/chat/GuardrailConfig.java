package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A moderation guardrail applied to a request.
 *
 * @param blockOnError whether to block the request when moderation itself fails
 * @param moderationLlmV1 settings for the v1 moderation model
 * @param moderationLlmV2 settings for the v2 moderation model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GuardrailConfig(@Nullable Boolean blockOnError, @Nullable ModerationLlmV1Config moderationLlmV1,
		@Nullable ModerationLlmV2Config moderationLlmV2) {
}
