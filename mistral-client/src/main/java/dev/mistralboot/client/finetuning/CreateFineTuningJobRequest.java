package dev.mistralboot.client.finetuning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A fine-tuning job to create ({@code JobIn} of {@code POST /v1/fine_tuning/jobs}), with
 * every field of the API description. Fields left {@code null} are not sent. Secrets (the
 * W&amp;B key, GitHub tokens) never appear in {@link #toString()}.
 *
 * <pre>{@code
 * CreateFineTuningJobRequest job = CreateFineTuningJobRequest.builder()
 *     .model("open-mistral-7b")
 *     .trainingFiles(TrainingFile.of(trainId))
 *     .validationFiles(validId)
 *     .hyperparameters(TrainingParameters.of(1e-4, 100))
 *     .suffix("support-bot")
 *     .autoStart(false)
 *     .build();
 * }</pre>
 *
 * @param model the base model to tune (required)
 * @param trainingFiles the training files, with weights
 * @param validationFiles ids of validation files
 * @param suffix added to the trained model's id (at most 18 characters)
 * @param integrations where to report metrics (Weights &amp; Biases)
 * @param autoStart whether to start training once the data is validated ({@code false}:
 * call start)
 * @param invalidSampleSkipPercentage the share of invalid samples that may be skipped (0
 * to 0.5)
 * @param jobType completion or classifier
 * @param hyperparameters the hyperparameters (required;
 * {@link TrainingParameters#DEFAULTS} lets the API choose)
 * @param repositories GitHub repositories to train on
 * @param classifierTargets the targets of a classifier job
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateFineTuningJobRequest(String model, @Nullable List<TrainingFile> trainingFiles,
		@Nullable List<String> validationFiles, @Nullable String suffix, @Nullable List<WandbIntegration> integrations,
		@Nullable Boolean autoStart, @Nullable Double invalidSampleSkipPercentage,
		@Nullable FineTuneableModelType jobType, TrainingParameters hyperparameters,
		@Nullable List<GithubRepository> repositories, @Nullable List<ClassifierTarget> classifierTargets) {

	/** The longest suffix the API accepts. */
	public static final int MAX_SUFFIX_LENGTH = 18;

	/**
	 * Validates the request and copies its lists.
	 */
	public CreateFineTuningJobRequest {
		if (model == null || model.isBlank()) {
			throw new IllegalArgumentException(
					"A fine-tuning job needs a base model, such as open-mistral-7b: set model(...)");
		}
		if (hyperparameters == null) {
			throw new IllegalArgumentException(
					"A fine-tuning job needs hyperparameters: set hyperparameters(TrainingParameters.DEFAULTS) to let the API choose");
		}
		hyperparameters.validate();
		if (suffix != null && suffix.length() > MAX_SUFFIX_LENGTH) {
			throw new IllegalArgumentException("suffix has at most " + MAX_SUFFIX_LENGTH + " characters, \"" + suffix
					+ "\" has " + suffix.length());
		}
		if (invalidSampleSkipPercentage != null
				&& (invalidSampleSkipPercentage < 0 || invalidSampleSkipPercentage > 0.5)) {
			throw new IllegalArgumentException(
					"invalidSampleSkipPercentage must be between 0 and 0.5, was " + invalidSampleSkipPercentage);
		}
		if (jobType == FineTuneableModelType.UNKNOWN) {
			throw new IllegalArgumentException(
					"FineTuneableModelType.UNKNOWN cannot be sent: choose completion or classifier");
		}
		trainingFiles = copy(trainingFiles, "trainingFiles");
		validationFiles = copy(validationFiles, "validationFiles");
		integrations = copy(integrations, "integrations");
		repositories = copy(repositories, "repositories");
		classifierTargets = copy(classifierTargets, "classifierTargets");
	}

	private static <T> @Nullable List<T> copy(@Nullable List<T> list, String name) {
		if (list == null) {
			return null;
		}
		for (int i = 0; i < list.size(); i++) {
			if (list.get(i) == null) {
				throw new IllegalArgumentException(name + "[" + i + "] is null");
			}
		}
		return List.copyOf(list);
	}

	/**
	 * Starts a request.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding this request's values.
	 * @return a builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.model = this.model;
		builder.trainingFiles = (this.trainingFiles != null) ? new ArrayList<>(this.trainingFiles) : null;
		builder.validationFiles = (this.validationFiles != null) ? new ArrayList<>(this.validationFiles) : null;
		builder.suffix = this.suffix;
		builder.integrations = (this.integrations != null) ? new ArrayList<>(this.integrations) : null;
		builder.autoStart = this.autoStart;
		builder.invalidSampleSkipPercentage = this.invalidSampleSkipPercentage;
		builder.jobType = this.jobType;
		builder.hyperparameters = this.hyperparameters;
		builder.repositories = (this.repositories != null) ? new ArrayList<>(this.repositories) : null;
		builder.classifierTargets = (this.classifierTargets != null) ? new ArrayList<>(this.classifierTargets) : null;
		return builder;
	}

	/**
	 * Builds a {@link CreateFineTuningJobRequest}. {@link #build()} checks the required
	 * fields and ranges.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable List<TrainingFile> trainingFiles;

		private @Nullable List<String> validationFiles;

		private @Nullable String suffix;

		private @Nullable List<WandbIntegration> integrations;

		private @Nullable Boolean autoStart;

		private @Nullable Double invalidSampleSkipPercentage;

		private @Nullable FineTuneableModelType jobType;

		private @Nullable TrainingParameters hyperparameters;

		private @Nullable List<GithubRepository> repositories;

		private @Nullable List<ClassifierTarget> classifierTargets;

		private Builder() {
		}

		/**
		 * Sets the base model to tune.
		 * @param model the model, such as {@code open-mistral-7b}
		 * @return this builder
		 */
		public Builder model(String model) {
			this.model = model;
			return this;
		}

		/**
		 * Sets the training files.
		 * @param trainingFiles the files, with weights
		 * @return this builder
		 */
		public Builder trainingFiles(TrainingFile... trainingFiles) {
			this.trainingFiles = Arrays.asList(trainingFiles);
			return this;
		}

		/**
		 * Sets the training files.
		 * @param trainingFiles the files, with weights
		 * @return this builder
		 */
		public Builder trainingFiles(@Nullable List<TrainingFile> trainingFiles) {
			this.trainingFiles = trainingFiles;
			return this;
		}

		/**
		 * Sets the validation files.
		 * @param fileIds ids of uploaded files
		 * @return this builder
		 */
		public Builder validationFiles(String... fileIds) {
			this.validationFiles = Arrays.asList(fileIds);
			return this;
		}

		/**
		 * Sets the suffix added to the trained model's id.
		 * @param suffix at most 18 characters
		 * @return this builder
		 */
		public Builder suffix(@Nullable String suffix) {
			this.suffix = suffix;
			return this;
		}

		/**
		 * Sets where metrics are reported.
		 * @param integrations the integrations
		 * @return this builder
		 */
		public Builder integrations(WandbIntegration... integrations) {
			this.integrations = Arrays.asList(integrations);
			return this;
		}

		/**
		 * Sets whether training starts once the data is validated.
		 * @param autoStart {@code false} to start it with {@code start(jobId)}
		 * @return this builder
		 */
		public Builder autoStart(@Nullable Boolean autoStart) {
			this.autoStart = autoStart;
			return this;
		}

		/**
		 * Sets the share of invalid samples that may be skipped.
		 * @param invalidSampleSkipPercentage 0 to 0.5
		 * @return this builder
		 */
		public Builder invalidSampleSkipPercentage(@Nullable Double invalidSampleSkipPercentage) {
			this.invalidSampleSkipPercentage = invalidSampleSkipPercentage;
			return this;
		}

		/**
		 * Sets the kind of model trained.
		 * @param jobType completion or classifier
		 * @return this builder
		 */
		public Builder jobType(@Nullable FineTuneableModelType jobType) {
			this.jobType = jobType;
			return this;
		}

		/**
		 * Sets the hyperparameters.
		 * @param hyperparameters the hyperparameters
		 * @return this builder
		 */
		public Builder hyperparameters(TrainingParameters hyperparameters) {
			this.hyperparameters = hyperparameters;
			return this;
		}

		/**
		 * Sets GitHub repositories to train on.
		 * @param repositories the repositories
		 * @return this builder
		 */
		public Builder repositories(GithubRepository... repositories) {
			this.repositories = Arrays.asList(repositories);
			return this;
		}

		/**
		 * Sets the targets of a classifier job.
		 * @param classifierTargets the targets
		 * @return this builder
		 */
		public Builder classifierTargets(ClassifierTarget... classifierTargets) {
			this.classifierTargets = Arrays.asList(classifierTargets);
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException when the model or hyperparameters are missing,
		 * or a value is out of range
		 */
		public CreateFineTuningJobRequest build() {
			return new CreateFineTuningJobRequest(this.model, this.trainingFiles, this.validationFiles, this.suffix,
					this.integrations, this.autoStart, this.invalidSampleSkipPercentage, this.jobType,
					this.hyperparameters, this.repositories, this.classifierTargets);
		}

	}

}
