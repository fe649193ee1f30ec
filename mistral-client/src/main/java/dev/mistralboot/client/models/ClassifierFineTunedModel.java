package dev.mistralboot.client.models;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A fine-tuned classifier model ({@code model_type: classifier}).
 *
 * @param id the model id
 * @param object the object type, {@code model}
 * @param created when the model was created, in seconds since the epoch
 * @param ownedBy the owner
 * @param workspaceId the workspace the model belongs to
 * @param root the base model it was tuned from
 * @param rootVersion the version of the base model
 * @param archived whether the model is archived
 * @param name the display name
 * @param description the description
 * @param capabilities what the model can do
 * @param maxContextLength the context length in tokens
 * @param aliases other ids of the same model
 * @param job the id of the fine-tuning job that produced it
 * @param classifierTargets the targets the classifier was trained on
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClassifierFineTunedModel(String id, @Nullable String object, @Nullable Long created,
		@Nullable String ownedBy, @Nullable String workspaceId, @Nullable String root, @Nullable String rootVersion,
		@Nullable Boolean archived, @Nullable String name, @Nullable String description,
		FineTunedModelCapabilities capabilities, @Nullable Integer maxContextLength, List<String> aliases,
		@Nullable String job, List<ClassifierTargetResult> classifierTargets) implements FineTunedModel {

	static final String TYPE = "classifier";

	/**
	 * Fills in defaults for what the API left out.
	 */
	public ClassifierFineTunedModel {
		capabilities = (capabilities != null) ? capabilities : FineTunedModelCapabilities.NONE;
		aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
		classifierTargets = (classifierTargets != null) ? List.copyOf(classifierTargets) : List.of();
	}

	/**
	 * The model type.
	 * @return {@code classifier}
	 */
	@Override
	@JsonProperty("model_type")
	public String modelType() {
		return TYPE;
	}

}
