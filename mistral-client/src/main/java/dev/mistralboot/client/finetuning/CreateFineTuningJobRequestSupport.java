package dev.mistralboot.client.finetuning;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link CreateFineTuningJobRequest}, which the generated record
 * implements: its limits and checks.
 */
public interface CreateFineTuningJobRequestSupport {

	/** The longest suffix the API accepts. */
	int MAX_SUFFIX_LENGTH = 18;

	/**
	 * The base model to tune.
	 * @return the model, or {@code null}
	 */
	@Nullable String model();

	/**
	 * The suffix of the trained model's id.
	 * @return the suffix, or {@code null}
	 */
	@Nullable String suffix();

	/**
	 * The share of invalid samples that may be skipped.
	 * @return the share, or {@code null}
	 */
	@Nullable Double invalidSampleSkipPercentage();

	/**
	 * Completion or classifier.
	 * @return the job type, or {@code null}
	 */
	@Nullable FineTuneableModelType jobType();

	/**
	 * The hyperparameters.
	 * @return the hyperparameters, or {@code null}
	 */
	@Nullable TrainingParameters hyperparameters();

	/**
	 * Checks the request (the builder calls it).
	 * @throws IllegalArgumentException with what to set when the request is not valid
	 */
	default void validate() {
		String model = model();
		if (model == null || model.isBlank()) {
			throw new IllegalArgumentException(
					"A fine-tuning job needs a base model, such as open-mistral-7b: set model(...)");
		}
		TrainingParameters hyperparameters = hyperparameters();
		if (hyperparameters == null) {
			throw new IllegalArgumentException(
					"A fine-tuning job needs hyperparameters: set hyperparameters(TrainingParameters.DEFAULTS) to let the API choose");
		}
		hyperparameters.validate();
		String suffix = suffix();
		if (suffix != null && suffix.length() > MAX_SUFFIX_LENGTH) {
			throw new IllegalArgumentException("suffix has at most " + MAX_SUFFIX_LENGTH + " characters, \"" + suffix
					+ "\" has " + suffix.length());
		}
		Double skip = invalidSampleSkipPercentage();
		if (skip != null && (skip < 0 || skip > 0.5)) {
			throw new IllegalArgumentException("invalidSampleSkipPercentage must be between 0 and 0.5, was " + skip);
		}
		// only the UNKNOWN constant itself: a value this library does not know yet can be
		// sent
		if (jobType() == FineTuneableModelType.UNKNOWN) {
			throw new IllegalArgumentException(
					"FineTuneableModelType.UNKNOWN cannot be sent: choose completion or classifier");
		}
	}

}
