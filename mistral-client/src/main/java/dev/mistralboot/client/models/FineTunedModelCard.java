package dev.mistralboot.client.models;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A model fine-tuned by the workspace ({@code type: fine-tuned}).
 *
 * @param id the model id
 * @param object the object type, {@code model}
 * @param created when the model was created, in seconds since the epoch
 * @param ownedBy the owner
 * @param capabilities what the model can do
 * @param name the display name
 * @param description the description
 * @param maxContextLength the context length in tokens
 * @param aliases other ids of the same model
 * @param deprecation when the model will be retired (ISO 8601), or {@code null}
 * @param deprecationReplacementModel the model to use instead once retired
 * @param defaultModelTemperature the temperature used when a request sets none
 * @param internal whether the model is internal to Mistral
 * @param job the id of the fine-tuning job that produced it
 * @param root the base model it was tuned from
 * @param archived whether it is archived
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FineTunedModelCard(String id, @Nullable String object, @Nullable Long created, @Nullable String ownedBy,
		ModelCapabilities capabilities, @Nullable String name, @Nullable String description,
		@Nullable Integer maxContextLength, List<String> aliases, @Nullable String deprecation,
		@Nullable String deprecationReplacementModel, @Nullable Double defaultModelTemperature,
		@Nullable Boolean internal, @Nullable String job, @Nullable String root,
		@Nullable Boolean archived) implements ModelCard {

	static final String TYPE = "fine-tuned";

	/**
	 * Fills in defaults for what the API left out.
	 */
	public FineTunedModelCard {
		capabilities = (capabilities != null) ? capabilities : ModelCapabilities.NONE;
		aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
	}

	/**
	 * The card type.
	 * @return {@code fine-tuned}
	 */
	@Override
	@JsonProperty("type")
	public String type() {
		return TYPE;
	}

}
