package dev.mistralboot.client.finetuning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Hyperparameters of a fine-tuning job, sent with a request and read back from a job
 * ({@code CompletionTrainingParametersIn}, {@code ClassifierTrainingParametersIn} and
 * their answers). Values left {@code null} are not sent: the API chooses them.
 * {@code fimRatio} applies to completion jobs only. Ranges are checked when a job request
 * is built.
 *
 * @param trainingSteps the number of training steps (at least 1)
 * @param learningRate the learning rate (1e-8 to 1; the API's default is 1e-4)
 * @param weightDecay the weight decay (0 to 1)
 * @param warmupFraction the fraction of steps that warm up (0 to 1)
 * @param epochs the number of passes over the data (above 0)
 * @param seqLen the sequence length (at least 100)
 * @param fimRatio the share of fill-in-the-middle samples (0 to 1), completion jobs only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainingParameters(@Nullable Integer trainingSteps, @Nullable Double learningRate,
		@Nullable Double weightDecay, @Nullable Double warmupFraction, @Nullable Double epochs,
		@Nullable Integer seqLen, @Nullable Double fimRatio) {

	/** No value set: the API chooses every hyperparameter. */
	public static final TrainingParameters DEFAULTS = new TrainingParameters(null, null, null, null, null, null, null);

	/**
	 * Hyperparameters with a learning rate and a number of training steps, the two
	 * usually set.
	 * @param learningRate the learning rate
	 * @param trainingSteps the number of training steps
	 * @return the parameters
	 */
	public static TrainingParameters of(double learningRate, int trainingSteps) {
		return new TrainingParameters(trainingSteps, learningRate, null, null, null, null, null);
	}

	void validate() {
		if (this.trainingSteps != null && this.trainingSteps < 1) {
			throw new IllegalArgumentException(
					"hyperparameters.trainingSteps must be at least 1, was " + this.trainingSteps);
		}
		if (this.learningRate != null && (this.learningRate < 1e-8 || this.learningRate > 1)) {
			throw new IllegalArgumentException(
					"hyperparameters.learningRate must be between 1e-8 and 1, was " + this.learningRate);
		}
		between(this.weightDecay, "weightDecay");
		between(this.warmupFraction, "warmupFraction");
		between(this.fimRatio, "fimRatio");
		if (this.epochs != null && this.epochs <= 0) {
			throw new IllegalArgumentException("hyperparameters.epochs must be above 0, was " + this.epochs);
		}
		if (this.seqLen != null && this.seqLen < 100) {
			throw new IllegalArgumentException("hyperparameters.seqLen must be at least 100, was " + this.seqLen);
		}
	}

	private static void between(@Nullable Double value, String name) {
		if (value != null && (value < 0 || value > 1)) {
			throw new IllegalArgumentException("hyperparameters." + name + " must be between 0 and 1, was " + value);
		}
	}

}
