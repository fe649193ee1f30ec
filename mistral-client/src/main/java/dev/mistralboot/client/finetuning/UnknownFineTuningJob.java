package dev.mistralboot.client.finetuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A fine-tuning job of a {@code job_type} this library does not know yet, kept with its
 * common fields so that parsing never fails.
 *
 * @param id the job id
 * @param autoStart whether the job starts by itself once validated
 * @param model the base model tuned
 * @param status the status
 * @param createdAt when the job was created, in seconds since the epoch
 * @param modifiedAt when the job last changed, in seconds since the epoch
 * @param trainingFiles the training file ids
 * @param validationFiles the validation file ids
 * @param object the object type, {@code job}
 * @param fineTunedModel the id of the trained model, once there is one
 * @param suffix the suffix of the trained model id
 * @param integrations the integrations
 * @param trainedTokens tokens trained on so far
 * @param metadata cost and duration estimates
 * @param hyperparameters the hyperparameters
 * @param events what happened to the job
 * @param checkpoints checkpoints with metrics
 * @param jobType the job type as sent
 * @param additionalProperties every other property of the job, as sent (written back as
 * they came)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UnknownFineTuningJob(String id, @Nullable Boolean autoStart, @Nullable String model,
		@Nullable FineTuningJobStatus status, @Nullable Long createdAt, @Nullable Long modifiedAt,
		List<String> trainingFiles, List<String> validationFiles, @Nullable String object,
		@Nullable String fineTunedModel, @Nullable String suffix, List<WandbIntegrationResult> integrations,
		@Nullable Long trainedTokens, @Nullable JobMetadata metadata, @Nullable TrainingParameters hyperparameters,
		List<JobEvent> events, List<Checkpoint> checkpoints, @JsonProperty("job_type") @Nullable String jobType,
		@JsonAnySetter @JsonAnyGetter Map<String, @Nullable Object> additionalProperties) implements FineTuningJob {

	/**
	 * Fills in defaults for what the API left out.
	 */
	public UnknownFineTuningJob {
		trainingFiles = (trainingFiles != null) ? List.copyOf(trainingFiles) : List.of();
		validationFiles = (validationFiles != null) ? List.copyOf(validationFiles) : List.of();
		integrations = (integrations != null) ? List.copyOf(integrations) : List.of();
		events = (events != null) ? List.copyOf(events) : List.of();
		checkpoints = (checkpoints != null) ? List.copyOf(checkpoints) : List.of();
		additionalProperties = (additionalProperties != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(additionalProperties)) : Map.of();
	}

}
