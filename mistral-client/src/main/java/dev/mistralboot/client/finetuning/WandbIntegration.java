package dev.mistralboot.client.finetuning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Reports a job's metrics to Weights &amp; Biases ({@code WandbIntegration}). The API key
 * never appears in {@link #toString()}.
 *
 * @param project the W&amp;B project
 * @param name the run group name
 * @param apiKey the W&amp;B API key (40 characters)
 * @param runName the run name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WandbIntegration(String project, @Nullable String name, String apiKey, @Nullable String runName) {

	/**
	 * Validates the integration.
	 */
	public WandbIntegration {
		if (project == null || project.isBlank()) {
			throw new IllegalArgumentException("A W&B integration needs a project");
		}
		if (apiKey == null || apiKey.length() != 40) {
			throw new IllegalArgumentException(
					"A W&B API key has 40 characters; the one given has " + ((apiKey != null) ? apiKey.length() : 0));
		}
	}

	/**
	 * An integration with a project and a key.
	 * @param project the W&amp;B project
	 * @param apiKey the W&amp;B API key
	 * @return the integration
	 */
	public static WandbIntegration of(String project, String apiKey) {
		return new WandbIntegration(project, null, apiKey, null);
	}

	/**
	 * The integration type, as sent.
	 * @return {@code wandb}
	 */
	@JsonProperty("type")
	public String type() {
		return "wandb";
	}

	@Override
	public String toString() {
		return "WandbIntegration[project=" + this.project + ", name=" + this.name + ", apiKey=******, runName="
				+ this.runName + "]";
	}

}
