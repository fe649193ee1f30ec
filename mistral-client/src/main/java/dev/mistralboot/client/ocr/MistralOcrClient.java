package dev.mistralboot.client.ocr;

import java.util.Objects;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.RequestOptions;

/**
 * Document AI OCR ({@code POST /v1/ocr}) over a blocking connection: reads a document or
 * an image into markdown, with its images, tables, layout blocks and, on request,
 * structured annotations.
 *
 * <pre>{@code
 * OcrResponse result = ocr.process(OcrRequest.builder()
 *     .documentUrl("https://arxiv.org/pdf/2201.04234")
 *     .build());
 * String text = result.markdown();
 * }</pre>
 *
 * Requests that leave out the model get the client's {@link OcrDefaults}
 * ({@code mistral.ocr.model}). Failures raise the
 * {@link dev.mistralboot.client.core.MistralException} hierarchy. Thread-safe.
 */
public class MistralOcrClient {

	static final String PATH = "/v1/ocr";

	private final MistralHttp http;

	private final OcrDefaults defaults;

	/**
	 * Creates a client without defaults (every request names its model).
	 * @param http the HTTP core
	 */
	public MistralOcrClient(MistralHttp http) {
		this(http, OcrDefaults.NONE);
	}

	/**
	 * Creates a client.
	 * @param http the HTTP core
	 * @param defaults values used when a request leaves them out
	 */
	public MistralOcrClient(MistralHttp http, OcrDefaults defaults) {
		this.http = Objects.requireNonNull(http, "http");
		this.defaults = Objects.requireNonNull(defaults, "defaults");
	}

	/**
	 * This client with options applied to each of its calls: a timeout, the number of
	 * attempts, extra headers, a listener for the answers' metadata. The returned client
	 * shares its connections, observations and rate-limit budget with this one; deriving
	 * it is cheap.
	 * @param options the options, applied over the ones this client already applies
	 * @return a client applying the options
	 */
	public MistralOcrClient withOptions(RequestOptions options) {
		return new MistralOcrClient(this.http.withOptions(options), this.defaults);
	}

	/**
	 * Reads a document.
	 * @param request the document and options
	 * @return the pages read
	 * @throws IllegalArgumentException when no model is named by the request or the
	 * defaults
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 * @throws dev.mistralboot.client.core.MistralIoException when the API cannot be
	 * reached in time
	 */
	public OcrResponse process(OcrRequest request) {
		return processWithResponse(request).body();
	}

	/**
	 * Reads a document, with the response's status, headers and rate limits.
	 * @param request the document and options
	 * @return the pages read and the response metadata
	 * @throws IllegalArgumentException when no model is named by the request or the
	 * defaults
	 * @throws dev.mistralboot.client.core.MistralApiException for an error status, after
	 * retries
	 */
	public MistralResponse<OcrResponse> processWithResponse(OcrRequest request) {
		OcrRequest effective = this.defaults.apply(request);
		return this.http.execute(
				ApiRequest.post(PATH).operation("ocr").model(effective.model()).json(effective).build(),
				OcrResponse.class);
	}

	/**
	 * The defaults this client applies.
	 * @return the defaults
	 */
	public OcrDefaults defaults() {
		return this.defaults;
	}

}
