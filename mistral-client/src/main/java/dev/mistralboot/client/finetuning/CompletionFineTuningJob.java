package dev.mistralboot.client.finetuning;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A job fine-tuning a completion model ({@code job_type: completion}).
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
 * @param repositories the GitHub repositories trained on
 * @param events what happened to the job (detailed answers only)
 * @param checkpoints checkpoints with metrics (detailed answers only)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CompletionFineTuningJob(String id, @Nullable Boolean autoStart, @Nullable String model,
		@Nullable FineTuningJobStatus status, @Nullable Long createdAt, @Nullable Long modifiedAt,
		List<String> trainingFiles, List<String> validationFiles, @Nullable String object,
		@Nullable String fineTunedModel, @Nullable String suffix, List<WandbIntegrationResult> integrations,
		@Nullable Long trainedTokens, @Nullable JobMetadata metadata, @Nullable TrainingParameters hyperparameters,
		List<GithubRepositoryResult> repositories, List<JobEvent> events,
		List<Checkpoint> checkpoints) implements FineTuningJob {

	static final String TYPE = "completion";

	/**
	 * Fills in defaults for what the API left out.
	 */
	public CompletionFineTuningJob {
		trainingFiles = (trainingFiles != null) ? List.copyOf(trainingFiles) : List.of();
		validationFiles = (validationFiles != null) ? List.copyOf(validationFiles) : List.of();
		integrations = (integrations != null) ? List.copyOf(integrations) : List.of();
		events = (events != null) ? List.copyOf(events) : List.of();
		checkpoints = (checkpoints != null) ? List.copyOf(checkpoints) : List.of();
		repositories = (repositories != null) ? List.copyOf(repositories) : List.of();
	}

	/**
	 * The job type.
	 * @return {@code completion}
	 */
	@Override
	@JsonProperty("job_type")
	public String jobType() {
		return TYPE;
	}

}
