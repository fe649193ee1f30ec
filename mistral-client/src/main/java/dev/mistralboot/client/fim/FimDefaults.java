package dev.mistralboot.client.fim;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Values a FIM client fills in when a request leaves them out ({@code mistral.fim.*}).
 *
 * @param model the default model, such as {@code codestral-latest}
 */
public record FimDefaults(@Nullable String model) {

	/** No defaults: every request must name its model. */
	public static final FimDefaults NONE = new FimDefaults(null);

	/**
	 * Applies the defaults to a request and sets its {@code stream} flag.
	 * @param request the request
	 * @param stream whether the request is streamed
	 * @return the request to send
	 * @throws IllegalArgumentException when neither the request nor the defaults name a
	 * model
	 */
	public FimCompletionRequest apply(FimCompletionRequest request, boolean stream) {
		Objects.requireNonNull(request, "request");
		FimCompletionRequest.Builder builder = request.toBuilder();
		if (request.model() == null) {
			if (this.model == null) {
				throw new IllegalArgumentException(
						"The FIM request names no model: set one with FimCompletionRequest.builder().model(...) "
								+ "or configure mistral.fim.model");
			}
			builder.model(this.model);
		}
		builder.stream(stream ? Boolean.TRUE : null);
		return builder.build();
	}

}
