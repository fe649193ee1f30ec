package dev.mistralboot.client.finetuning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Estimates of a fine-tuning job ({@code JobMetadataOut}).
 *
 * @param expectedDurationSeconds the expected training time
 * @param cost the expected cost
 * @param costCurrency the currency of the cost
 * @param trainTokensPerStep tokens per training step
 * @param trainTokens tokens trained on in total
 * @param dataTokens tokens in the training data
 * @param estimatedStartTime when the job is expected to start, in seconds since the epoch
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobMetadata(@Nullable Long expectedDurationSeconds, @Nullable Double cost, @Nullable String costCurrency,
		@Nullable Long trainTokensPerStep, @Nullable Long trainTokens, @Nullable Long dataTokens,
		@Nullable Long estimatedStartTime) {
}
