package dev.mistralboot.client.finetuning;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link CreateFineTuningJobRequest.Builder}, which the
 * generated builder implements: setters taking the values one by one.
 *
 * @param <B> the builder type
 */
public interface CreateFineTuningJobRequestBuilderSupport<B> {

	/**
	 * Sets the training files.
	 * @param trainingFiles the training files, with weights
	 * @return this builder
	 */
	B trainingFiles(@Nullable List<TrainingFile> trainingFiles);

	/**
	 * Sets the training files.
	 * @param trainingFiles the training files, with weights
	 * @return this builder
	 */
	default B trainingFiles(TrainingFile... trainingFiles) {
		return trainingFiles(Arrays.asList(trainingFiles));
	}

	/**
	 * Sets the validation files.
	 * @param validationFiles ids of uploaded files (purpose fine-tune)
	 * @return this builder
	 */
	B validationFiles(@Nullable List<String> validationFiles);

	/**
	 * Sets the validation files.
	 * @param fileIds ids of uploaded files (purpose fine-tune)
	 * @return this builder
	 */
	default B validationFiles(String... fileIds) {
		return validationFiles(Arrays.asList(fileIds));
	}

	/**
	 * Sets where to report metrics.
	 * @param integrations the integrations
	 * @return this builder
	 */
	B integrations(@Nullable List<WandbIntegration> integrations);

	/**
	 * Sets where to report metrics.
	 * @param integrations the integrations
	 * @return this builder
	 */
	default B integrations(WandbIntegration... integrations) {
		return integrations(Arrays.asList(integrations));
	}

	/**
	 * Sets the GitHub repositories to train on.
	 * @param repositories the repositories
	 * @return this builder
	 */
	B repositories(@Nullable List<GithubRepository> repositories);

	/**
	 * Sets the GitHub repositories to train on.
	 * @param repositories the repositories
	 * @return this builder
	 */
	default B repositories(GithubRepository... repositories) {
		return repositories(Arrays.asList(repositories));
	}

	/**
	 * Sets the targets of a classifier job.
	 * @param classifierTargets the targets
	 * @return this builder
	 */
	B classifierTargets(@Nullable List<ClassifierTarget> classifierTargets);

	/**
	 * Sets the targets of a classifier job.
	 * @param classifierTargets the targets
	 * @return this builder
	 */
	default B classifierTargets(ClassifierTarget... classifierTargets) {
		return classifierTargets(Arrays.asList(classifierTargets));
	}

}
