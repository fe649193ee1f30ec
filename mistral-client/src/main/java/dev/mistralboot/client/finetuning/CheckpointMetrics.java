package dev.mistralboot.client.finetuning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Metrics at a checkpoint ({@code MetricOut}).
 *
 * @param trainLoss the training loss
 * @param validLoss the validation loss
 * @param validMeanTokenAccuracy the mean token accuracy on the validation files
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CheckpointMetrics(@Nullable Double trainLoss, @Nullable Double validLoss,
		@Nullable Double validMeanTokenAccuracy) {
}
