package dev.mistralboot.client.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written part of {@link CreateVoiceRequest.Builder}, which the generated
 * builder implements: the sample from bytes or a file, encoded as the API wants it
 * (base64 in the JSON body, so the sample is held in memory: samples are short
 * recordings).
 *
 * @param <B> the builder type
 */
public interface CreateVoiceRequestBuilderSupport<B> {

	/**
	 * Sets the sample, already base64-encoded.
	 * @param sampleAudio the encoded sample
	 * @return this builder
	 */
	B sampleAudio(@Nullable String sampleAudio);

	/**
	 * Sets the sample's file name (its extension tells the API the format).
	 * @param sampleFilename the name, such as {@code voice.wav}
	 * @return this builder
	 */
	B sampleFilename(@Nullable String sampleFilename);

	/**
	 * Sets the sample from its bytes.
	 * @param audio the recording
	 * @param filename its name, such as {@code voice.wav}, or {@code null}
	 * @return this builder
	 */
	default B sample(byte[] audio, @Nullable String filename) {
		Objects.requireNonNull(audio, "audio");
		sampleAudio(Base64.getEncoder().encodeToString(audio));
		return sampleFilename(filename);
	}

	/**
	 * Sets the sample from a file; its name is the file's.
	 * @param file the recording
	 * @return this builder
	 * @throws UncheckedIOException when the file cannot be read
	 */
	default B sample(Path file) {
		Objects.requireNonNull(file, "file");
		try {
			return sample(Files.readAllBytes(file), String.valueOf(file.getFileName()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the voice sample " + file + ": " + ex.getMessage(), ex);
		}
	}

}
