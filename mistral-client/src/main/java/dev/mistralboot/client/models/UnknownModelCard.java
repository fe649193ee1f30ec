package dev.mistralboot.client.models;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A model card of a {@code type} this library does not know yet, kept with its common
 * fields so that listing models never fails.
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
 * @param type the card type as sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UnknownModelCard(String id, @Nullable String object, @Nullable Long created, @Nullable String ownedBy,
		ModelCapabilities capabilities, @Nullable String name, @Nullable String description,
		@Nullable Integer maxContextLength, List<String> aliases, @Nullable String deprecation,
		@Nullable String deprecationReplacementModel, @Nullable Double defaultModelTemperature,
		@Nullable Boolean internal, @JsonProperty("type") @Nullable String type) implements ModelCard {

	/**
	 * Fills in defaults for what the API left out.
	 */
	public UnknownModelCard {
		capabilities = (capabilities != null) ? capabilities : ModelCapabilities.NONE;
		aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
	}

}
