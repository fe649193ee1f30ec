package dev.mistralboot.client.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What a fine-tuned model can do ({@code FineTunedModelCapabilities}). A flag the API
 * leaves out is {@code false}.
 *
 * @param completionChat chat completions
 * @param completionFim fill-in-the-middle completions
 * @param functionCalling function (tool) calling
 * @param fineTuning can be fine-tuned further
 * @param classification classifiers
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FineTunedModelCapabilities(boolean completionChat, boolean completionFim, boolean functionCalling,
		boolean fineTuning, boolean classification) {

	/** No capability. */
	public static final FineTunedModelCapabilities NONE = new FineTunedModelCapabilities(false, false, false, false,
			false);

}
