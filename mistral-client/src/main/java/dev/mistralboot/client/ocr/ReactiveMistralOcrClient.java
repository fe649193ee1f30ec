package dev.mistralboot.client.ocr;

import java.util.Objects;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RequestOptions;
import reactor.core.publisher.Mono;

/**
 * Document AI OCR ({@code POST /v1/ocr}) on WebClient: the reactive twin of
 * {@link MistralOcrClient}, with the same requests, defaults and answers, as a
 * {@link Mono}.
 *
 * <pre>{@code
 * Mono<String> text = ocr.process(OcrRequest.builder()
 *     .documentUrl("https://arxiv.org/pdf/2201.04234")
 *     .build())
 *     .map(OcrResponse::markdown);
 * }</pre>
 *
 * Requests that leave out the model get the client's {@link OcrDefaults}
 * ({@code mistral.ocr.model}). Nothing is sent until subscription; failures are signalled
 * as the {@link dev.mistralboot.client.core.MistralException} hierarchy. Available when
 * WebFlux is on the classpath. Thread-safe.
 */
public class ReactiveMistralOcrClient {

	private final ReactiveMistralHttp http;

	private final OcrDefaults defaults;

	/**
	 * Creates a client without defaults (every request names its model).
	 * @param http the reactive HTTP core
	 */
	public ReactiveMistralOcrClient(ReactiveMistralHttp http) {
		this(http, OcrDefaults.NONE);
	}

	/**
	 * Creates a client.
	 * @param http the reactive HTTP core
	 * @param defaults values used when a request leaves them out
	 */
	public ReactiveMistralOcrClient(ReactiveMistralHttp http, OcrDefaults defaults) {
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
	public ReactiveMistralOcrClient withOptions(RequestOptions options) {
		return new ReactiveMistralOcrClient(this.http.withOptions(options), this.defaults);
	}

	/**
	 * Reads a document.
	 * @param request the document and options
	 * @return the pages read; an {@link IllegalArgumentException} signal when no model is
	 * named by the request or the defaults, a
	 * {@link dev.mistralboot.client.core.MistralApiException} for an error status (after
	 * retries)
	 */
	public Mono<OcrResponse> process(OcrRequest request) {
		return processWithResponse(request).map(MistralResponse::body);
	}

	/**
	 * Reads a document, with the response's status, headers and rate limits.
	 * @param request the document and options
	 * @return the pages read and the response metadata; an
	 * {@link IllegalArgumentException} signal when no model is named by the request or
	 * the defaults
	 */
	public Mono<MistralResponse<OcrResponse>> processWithResponse(OcrRequest request) {
		return Mono.defer(() -> {
			OcrRequest effective = this.defaults.apply(request);
			return this.http.execute(ApiRequest.post(MistralOcrClient.PATH)
				.operation("ocr")
				.model(effective.model())
				.json(effective)
				.build(), OcrResponse.class);
		});
	}

	/**
	 * The defaults this client applies.
	 * @return the defaults
	 */
	public OcrDefaults defaults() {
		return this.defaults;
	}

}
