package dev.mistralboot.client.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Settings of a guardrail on the v2 moderation model.
 *
 * @param modelName the moderation model (default {@code mistral-moderation-2603})
 * @param customCategoryThresholds thresholds per category
 * @param ignoreOtherCategories whether categories without a threshold are ignored
 * @param action what to do when content is flagged
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModerationLlmV2Config(@Nullable String modelName,
		@Nullable ModerationLlmV2CategoryThresholds customCategoryThresholds, @Nullable Boolean ignoreOtherCategories,
		@Nullable ModerationAction action) {
}
