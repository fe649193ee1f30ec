package dev.mistralboot.autoconfigure.audio;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Lazy;

/**
 * Audio client settings ({@code mistral.audio.*}): the values transcription and speech
 * requests get when they leave them out.
 * <p>
 * Transcriptions must name a model, so {@code transcription-model} has a default,
 * {@code voxtral-mini-latest}. Speech requests may leave out both the model and the
 * voice, and the API then picks them, so {@code speech-model} and {@code voice} have no
 * default: set them to pin a model or a voice for every request that names none.
 */
@ConfigurationProperties("mistral.audio")
@Lazy
public class MistralAudioProperties {

	/**
	 * Whether to create the audio client beans (transcription, speech and voices).
	 */
	private boolean enabled = true;

	/**
	 * Model of the transcriptions that name none, such as voxtral-mini-latest.
	 */
	private @Nullable String transcriptionModel = "voxtral-mini-latest";

	/**
	 * Model of the speech requests that name none (when unset, the API picks its default
	 * speech model).
	 */
	private @Nullable String speechModel;

	/**
	 * Id of the preset or custom voice of the speech requests that name neither a voice
	 * nor a reference audio (when unset, the API picks a voice).
	 */
	private @Nullable String voice;

	/**
	 * Whether to create the audio client beans.
	 * @return whether enabled
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether to create the audio client beans.
	 * @param enabled whether enabled
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * The model of transcriptions that name none.
	 * @return the model, or {@code null} for none (every transcription must then name its
	 * model)
	 */
	public @Nullable String getTranscriptionModel() {
		return this.transcriptionModel;
	}

	/**
	 * Sets the model of transcriptions that name none.
	 * @param transcriptionModel the model, or {@code null}
	 */
	public void setTranscriptionModel(@Nullable String transcriptionModel) {
		this.transcriptionModel = transcriptionModel;
	}

	/**
	 * The model of speech requests that name none.
	 * @return the model, or {@code null} to let the API choose
	 */
	public @Nullable String getSpeechModel() {
		return this.speechModel;
	}

	/**
	 * Sets the model of speech requests that name none.
	 * @param speechModel the model, or {@code null} to let the API choose
	 */
	public void setSpeechModel(@Nullable String speechModel) {
		this.speechModel = speechModel;
	}

	/**
	 * The voice id of speech requests that name neither a voice nor a reference audio.
	 * @return the voice id, or {@code null} to let the API choose
	 */
	public @Nullable String getVoice() {
		return this.voice;
	}

	/**
	 * Sets the voice id of speech requests that name neither a voice nor a reference
	 * audio.
	 * @param voice the voice id, or {@code null} to let the API choose
	 */
	public void setVoice(@Nullable String voice) {
		this.voice = voice;
	}

}
