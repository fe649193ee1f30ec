package dev.mistralboot.client.finetuning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What a fine-tuning job would cost, the answer of a dry run
 * ({@code LegacyJobMetadataOut}).
 *
 * @param expectedDurationSeconds the expected training time
 * @param cost the expected cost
 * @param costCurrency the currency of the cost
 * @param trainTokensPerStep tokens per training step
 * @param trainTokens tokens trained on in total
 * @param dataTokens tokens in the training data
 * @param estimatedStartTime when the job would start, in seconds since the epoch
 * @param deprecated whether this answer format is deprecated
 * @param details details of the estimate
 * @param epochs the number of passes over the data
 * @param trainingSteps the number of training steps
 * @param object the object type, {@code job.metadata}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DryRunResult(@Nullable Long expectedDurationSeconds, @Nullable Double cost, @Nullable String costCurrency,
		@Nullable Long trainTokensPerStep, @Nullable Long trainTokens, @Nullable Long dataTokens,
		@Nullable Long estimatedStartTime, @Nullable Boolean deprecated, @Nullable String details,
		@Nullable Double epochs, @Nullable Long trainingSteps, @Nullable String object) {
}
