package dev.mistralboot.client.finetuning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A job's Weights &amp; Biases integration as the API returns it, without the key
 * ({@code WandbIntegrationOut}).
 *
 * @param type the integration type, {@code wandb}
 * @param project the W&amp;B project
 * @param name the run group name
 * @param runName the run name
 * @param url the run's URL
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WandbIntegrationResult(@Nullable String type, @Nullable String project, @Nullable String name,
		@Nullable String runName, @Nullable String url) {
}
