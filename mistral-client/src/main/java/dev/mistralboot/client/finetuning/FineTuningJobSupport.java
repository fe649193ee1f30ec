package dev.mistralboot.client.finetuning;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link FineTuningJob}, which every job implements: the
 * properties all jobs share and {@link #isTerminal()}.
 */
public interface FineTuningJobSupport {

	/**
	 * The job id (a UUID).
	 * @return the id
	 */
	String id();

	/**
	 * Whether the job starts by itself once its data is validated.
	 * @return the flag, or {@code null}
	 */
	@Nullable Boolean autoStart();

	/**
	 * The base model tuned.
	 * @return the model
	 */
	@Nullable String model();

	/**
	 * The status.
	 * @return the status ({@link FineTuningJobStatus#UNKNOWN} for values not known here)
	 */
	@Nullable FineTuningJobStatus status();

	/**
	 * When the job was created, in seconds since the epoch.
	 * @return the time, or {@code null}
	 */
	@Nullable Long createdAt();

	/**
	 * When the job last changed, in seconds since the epoch.
	 * @return the time, or {@code null}
	 */
	@Nullable Long modifiedAt();

	/**
	 * The training file ids.
	 * @return the ids
	 */
	List<String> trainingFiles();

	/**
	 * The validation file ids.
	 * @return the ids
	 */
	List<String> validationFiles();

	/**
	 * The object type, {@code job}.
	 * @return the type, or {@code null}
	 */
	@Nullable String object();

	/**
	 * The id of the trained model, once there is one.
	 * @return the model id, or {@code null}
	 */
	@Nullable String fineTunedModel();

	/**
	 * The suffix of the trained model's id.
	 * @return the suffix, or {@code null}
	 */
	@Nullable String suffix();

	/**
	 * The job's integrations.
	 * @return the integrations
	 */
	List<WandbIntegrationResult> integrations();

	/**
	 * Tokens trained on so far.
	 * @return the count, or {@code null}
	 */
	@Nullable Long trainedTokens();

	/**
	 * Cost and duration estimates.
	 * @return the estimates, or {@code null}
	 */
	@Nullable JobMetadata metadata();

	/**
	 * The hyperparameters.
	 * @return the hyperparameters, or {@code null}
	 */
	@Nullable TrainingParameters hyperparameters();

	/**
	 * What happened to the job (detailed answers only).
	 * @return the events, oldest first as sent
	 */
	List<JobEvent> events();

	/**
	 * Checkpoints with their metrics (detailed answers only).
	 * @return the checkpoints
	 */
	List<Checkpoint> checkpoints();

	/**
	 * The job type: {@code completion}, {@code classifier}, or a value not known to this
	 * library.
	 * @return the type
	 */
	@Nullable String jobType();

	/**
	 * Whether the job will not change any more.
	 * @return {@code true} for a final status
	 */
	@JsonIgnore
	default boolean isTerminal() {
		FineTuningJobStatus status = status();
		return status != null && status.isTerminal();
	}

}
