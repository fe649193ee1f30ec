package dev.mistralboot.client.finetuning;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A training file of a job and its weight in the mix ({@code TrainingFile}).
 *
 * @param fileId the id of an uploaded file (purpose fine-tune)
 * @param weight its weight (above 0; the API's default is 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainingFile(String fileId, @Nullable Double weight) {

	/**
	 * Validates the file.
	 */
	public TrainingFile {
		if (fileId == null || fileId.isBlank()) {
			throw new IllegalArgumentException("A training file needs the id of an uploaded file");
		}
		if (weight != null && weight <= 0) {
			throw new IllegalArgumentException(
					"The weight of training file " + fileId + " must be above 0, was " + weight);
		}
	}

	/**
	 * A training file with the default weight.
	 * @param fileId the file id
	 * @return the training file
	 */
	public static TrainingFile of(String fileId) {
		return new TrainingFile(Objects.requireNonNull(fileId, "fileId"), null);
	}

}
