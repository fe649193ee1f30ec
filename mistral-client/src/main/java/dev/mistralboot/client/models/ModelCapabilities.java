package dev.mistralboot.client.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What a model can do ({@code ModelCapabilities}). A flag the API leaves out is
 * {@code false}.
 *
 * @param completionChat chat completions
 * @param functionCalling function (tool) calling
 * @param reasoning reasoning ({@code thinking}) answers
 * @param completionFim fill-in-the-middle completions
 * @param fineTuning can be fine-tuned
 * @param vision image input
 * @param ocr document OCR
 * @param classification classifiers
 * @param moderation moderation
 * @param audio audio input
 * @param audioTranscription audio transcription
 * @param audioTranscriptionRealtime realtime audio transcription
 * @param audioSpeech speech synthesis
 * @param unifiedResources unified resources
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelCapabilities(boolean completionChat, boolean functionCalling, boolean reasoning,
		boolean completionFim, boolean fineTuning, boolean vision, boolean ocr, boolean classification,
		boolean moderation, boolean audio, boolean audioTranscription, boolean audioTranscriptionRealtime,
		boolean audioSpeech, boolean unifiedResources) {

	/** No capability. */
	public static final ModelCapabilities NONE = new ModelCapabilities(false, false, false, false, false, false, false,
			false, false, false, false, false, false, false);

}
