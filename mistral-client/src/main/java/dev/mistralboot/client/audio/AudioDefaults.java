package dev.mistralboot.client.audio;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Values the audio clients fill in when a request leaves them out
 * ({@code mistral.audio.*}).
 *
 * @param transcriptionModel the model of transcriptions that name none, such as
 * {@code voxtral-mini-latest}
 * @param speechModel the model of speech requests that name none, or {@code null} to let
 * the API choose
 * @param voiceId the voice of speech requests that name neither a voice nor a reference
 * audio, or {@code null} to let the API choose
 */
public record AudioDefaults(@Nullable String transcriptionModel, @Nullable String speechModel,
		@Nullable String voiceId) {

	/** No defaults: every transcription names its model. */
	public static final AudioDefaults NONE = new AudioDefaults(null, null, null);

	/**
	 * Validates the settings.
	 * @throws IllegalArgumentException when a value is blank (leave it {@code null}
	 * instead)
	 */
	public AudioDefaults {
		notBlank(transcriptionModel, "transcriptionModel (mistral.audio.transcription-model)");
		notBlank(speechModel, "speechModel (mistral.audio.speech-model)");
		notBlank(voiceId, "voiceId (mistral.audio.voice)");
	}

	/**
	 * Applies the defaults to a transcription.
	 * @param request the request
	 * @return the request to send
	 * @throws IllegalArgumentException when neither the request nor the defaults name a
	 * model
	 */
	public TranscriptionRequest apply(TranscriptionRequest request) {
		Objects.requireNonNull(request, "request");
		if (request.model() != null) {
			return request;
		}
		if (this.transcriptionModel == null) {
			throw new IllegalArgumentException("The transcription request names no model: set one with "
					+ "TranscriptionRequest.builder().model(...) or configure mistral.audio.transcription-model");
		}
		return request.toBuilder().model(this.transcriptionModel).build();
	}

	/**
	 * Applies the defaults to a speech request.
	 * @param request the request
	 * @return the request to send
	 */
	public SpeechRequest apply(SpeechRequest request) {
		Objects.requireNonNull(request, "request");
		boolean model = request.model() == null && this.speechModel != null;
		boolean voice = request.voiceId() == null && request.refAudio() == null && this.voiceId != null;
		if (!model && !voice) {
			return request;
		}
		SpeechRequest.Builder builder = request.toBuilder();
		if (model) {
			builder.model(this.speechModel);
		}
		if (voice) {
			builder.voiceId(this.voiceId);
		}
		return builder.build();
	}

	private static void notBlank(@Nullable String value, String name) {
		if (value != null && value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank: give a value or leave it unset");
		}
	}

}
