package dev.mistralboot.client.chat;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An audio chunk: base64-encoded audio or an audio URL.
 *
 * @param inputAudio the audio
 */
@JsonTypeName("input_audio")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AudioChunk(String inputAudio) implements ContentChunk {

	/**
	 * Validates the chunk.
	 */
	public AudioChunk {
		Objects.requireNonNull(inputAudio, "An audio chunk needs input_audio");
	}

	/**
	 * The chunk type, as sent on the wire.
	 * @return {@code input_audio}
	 */
	@JsonProperty("type")
	public String type() {
		return "input_audio";
	}

}
