package dev.mistralboot.client.audio;

import java.util.Base64;

/**
 * The hand-written part of {@link SpeechAudioDelta}: its audio, decoded.
 */
public interface SpeechAudioDeltaSupport {

	/**
	 * The audio as sent, base64-encoded.
	 * @return the encoded audio
	 */
	String audioData();

	/**
	 * The audio of this piece, decoded (each call decodes it again).
	 * @return the bytes
	 * @throws IllegalArgumentException when the data is not base64
	 */
	default byte[] audio() {
		return Base64.getDecoder().decode(audioData());
	}

}
