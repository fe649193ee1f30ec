package dev.mistralboot.client.core;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Token usage of a call ({@code UsageInfo} of the API), shared by chat, FIM, agents,
 * embeddings and the other families. The live API adds fields over time; the known extra
 * ones are kept, the rest ignored.
 *
 * @param promptTokens tokens of the input
 * @param completionTokens tokens of the output
 * @param totalTokens input plus output
 * @param promptAudioSeconds seconds of input audio, for audio inputs
 * @param serviceTier the service tier that served the call
 * @param numCachedTokens input tokens served from the prompt cache (older field)
 * @param promptTokensDetails details of the input tokens, such as {@code cached_tokens}
 * @param promptTokenDetails the same details under the other spelling the API uses
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UsageInfo(int promptTokens, int completionTokens, int totalTokens, @Nullable Integer promptAudioSeconds,
		@Nullable String serviceTier, @Nullable Integer numCachedTokens,
		@Nullable Map<String, Object> promptTokensDetails, @Nullable Map<String, Object> promptTokenDetails) {

	/**
	 * Usage with the three counts.
	 * @param promptTokens input tokens
	 * @param completionTokens output tokens
	 * @param totalTokens total tokens
	 * @return the usage
	 */
	public static UsageInfo of(int promptTokens, int completionTokens, int totalTokens) {
		return new UsageInfo(promptTokens, completionTokens, totalTokens, null, null, null, null, null);
	}

	/**
	 * Input tokens served from the prompt cache, from whichever field the API sent.
	 * @return the cached tokens, 0 when not reported
	 */
	@JsonIgnore
	public int cachedTokens() {
		for (Map<String, Object> details : new Map[] { this.promptTokensDetails, this.promptTokenDetails }) {
			if (details != null && details.get("cached_tokens") instanceof Number number) {
				return number.intValue();
			}
		}
		return (this.numCachedTokens != null) ? this.numCachedTokens : 0;
	}

}
