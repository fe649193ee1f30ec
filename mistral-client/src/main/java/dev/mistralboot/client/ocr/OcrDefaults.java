package dev.mistralboot.client.ocr;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Values the OCR client fills in when a request leaves them out ({@code mistral.ocr.*}).
 *
 * @param model the default model, such as {@code mistral-ocr-latest}
 */
public record OcrDefaults(@Nullable String model) {

	/** No defaults: every request must name its model. */
	public static final OcrDefaults NONE = new OcrDefaults(null);

	/**
	 * Applies the defaults to a request.
	 * @param request the request
	 * @return the request to send
	 * @throws IllegalArgumentException when neither the request nor the defaults name a
	 * model
	 */
	public OcrRequest apply(OcrRequest request) {
		Objects.requireNonNull(request, "request");
		if (request.model() != null) {
			return request;
		}
		if (this.model == null) {
			throw new IllegalArgumentException("The OCR request names no model: set one with "
					+ "OcrRequest.builder().model(...) or configure mistral.ocr.model");
		}
		return request.toBuilder().model(this.model).build();
	}

}
