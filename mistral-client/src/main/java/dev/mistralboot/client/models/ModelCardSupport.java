package dev.mistralboot.client.models;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link ModelCard}, which every card implements: the properties
 * all cards share and {@link #isFineTuned()}.
 */
public interface ModelCardSupport {

	/**
	 * The model id, used as {@code model} in requests.
	 * @return the id
	 */
	String id();

	/**
	 * The object type, {@code model}.
	 * @return the object type, or {@code null}
	 */
	@Nullable String object();

	/**
	 * When the model was created, in seconds since the epoch.
	 * @return the creation time, or {@code null}
	 */
	@Nullable Long created();

	/**
	 * The owner, {@code mistralai} for Mistral's models.
	 * @return the owner, or {@code null}
	 */
	@Nullable String ownedBy();

	/**
	 * What the model can do.
	 * @return the capabilities (all {@code false} when the API sent none)
	 */
	ModelCapabilities capabilities();

	/**
	 * The display name.
	 * @return the name, or {@code null}
	 */
	@Nullable String name();

	/**
	 * The description.
	 * @return the description, or {@code null}
	 */
	@Nullable String description();

	/**
	 * The context length in tokens.
	 * @return the length, or {@code null}
	 */
	@Nullable Integer maxContextLength();

	/**
	 * Other ids of the same model.
	 * @return the aliases, empty when none
	 */
	List<String> aliases();

	/**
	 * When the model will be retired (an ISO 8601 date-time as sent).
	 * @return the date-time, or {@code null} when no retirement is announced
	 */
	@Nullable String deprecation();

	/**
	 * The model to use instead once this one is retired.
	 * @return the model id, or {@code null}
	 */
	@Nullable String deprecationReplacementModel();

	/**
	 * The temperature used when a request sets none.
	 * @return the temperature, or {@code null}
	 */
	@Nullable Double defaultModelTemperature();

	/**
	 * Whether the model is internal to Mistral.
	 * @return the flag, or {@code null}
	 */
	@Nullable Boolean internal();

	/**
	 * The card type: {@code base}, {@code fine-tuned}, or a value not known to this
	 * library.
	 * @return the type
	 */
	@Nullable String type();

	/**
	 * Whether this is a fine-tuned model.
	 * @return {@code true} for a {@link FineTunedModelCard}
	 */
	@JsonIgnore
	default boolean isFineTuned() {
		return this instanceof FineTunedModelCard;
	}

}
