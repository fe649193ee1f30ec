package dev.mistralboot.client.embeddings;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mistralboot.client.core.MistralBadRequestException;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralInvalidResponseException;
import dev.mistralboot.client.core.MistralMeterObservationHandler;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.test.HangGuard;
import dev.mistralboot.client.test.MistralWireMock;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MistralEmbeddingsClientTests {

	static final String OPERATION = "embeddings_v1_embeddings_post";

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	WireMockServer server;

	@BeforeEach
	void start() {
		this.server = wireMock.server();
	}

	MistralEmbeddingsClient client(int batchSize, int concurrency) {
		return new MistralEmbeddingsClient(wireMock.retryingHttp(),
				new EmbeddingsDefaults("mistral-embed", batchSize, concurrency, null));
	}

	@Test
	void embedSendsEveryOptionAndReadsFloatVectors() {
		this.server.stubFor(post("/v1/embeddings").willReturn(okJson(MistralWireMock.conformingResponse(OPERATION,
				"""
						{"id":"5ed3b1a4c2","object":"list","model":"mistral-embed",
						 "usage":{"prompt_tokens":15,"completion_tokens":0,"total_tokens":15,"prompt_audio_seconds":null},
						 "data":[{"object":"embedding","embedding":[-0.016632080078125,0.0701904296875,0.03143310546875],"index":0},
						         {"object":"embedding","embedding":[-0.0230560302734375,0.039337158203125,0.0521240234375],"index":1}]}
						"""))));

		MistralResponse<EmbeddingResponse> response = client(128, 4).embedWithResponse(EmbeddingRequest.builder()
			.input("Embed this sentence.", "As well as this one.")
			.outputDimension(3)
			.outputDtype(EmbeddingDtype.FLOAT)
			.encodingFormat(EncodingFormat.FLOAT)
			.metadata(Map.of("job", "j1"))
			.build());

		List<Embedding> vectors = response.body().embeddings();
		assertThat(vectors).hasSize(2);
		assertThat(vectors.get(0).floats()).containsExactly(-0.016632080078125f, 0.0701904296875f, 0.03143310546875f);
		assertThat(vectors.get(1).floats()).containsExactly(-0.0230560302734375f, 0.039337158203125f, 0.0521240234375f);
		assertThat(vectors.get(0).dtype()).isEqualTo(EmbeddingDtype.FLOAT);
		assertThat(response.body().usage().promptTokens()).isEqualTo(15);
		assertThatIllegalStateException().isThrownBy(() -> vectors.get(0).ints()).withMessageContaining("use floats()");
		this.server.verify(postRequestedFor(urlEqualTo("/v1/embeddings"))
			.withHeader("Authorization", equalTo("Bearer " + MistralWireMock.API_KEY))
			.withRequestBody(equalToJson(
					"""
							{"model":"mistral-embed","metadata":{"job":"j1"},"input":["Embed this sentence.","As well as this one."],
							 "output_dimension":3,"output_dtype":"float","encoding_format":"float"}
							""")));
	}

	@Test
	void observationsRecordTheInputTokensOfEmbeddings() {
		this.server.stubFor(post("/v1/embeddings").willReturn(okJson(MistralWireMock.conformingResponse(OPERATION, """
				{"id":"e0b8c5","object":"list","model":"mistral-embed",
				 "usage":{"prompt_tokens":12,"completion_tokens":0,"total_tokens":12},
				 "data":[{"object":"embedding","embedding":[0.25,-0.5],"index":0}]}
				"""))));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new MistralMeterObservationHandler(meters));
		MistralHttp http = MistralHttp.builder()
			.baseUrl(this.server.baseUrl())
			.apiKey(MistralWireMock.API_KEY)
			.observationRegistry(observations)
			.build();

		new MistralEmbeddingsClient(http, new EmbeddingsDefaults("mistral-embed", 128, 1, null)).embed("Hello");

		DistributionSummary input = meters.find(MistralMeterObservationHandler.TOKEN_USAGE)
			.tag(MistralMeterObservationHandler.TOKEN_TYPE, "input")
			.tag("gen_ai.operation.name", "embeddings")
			.tag("gen_ai.response.model", "mistral-embed")
			.summary();
		assertThat(input).isNotNull();
		assertThat(input.totalAmount()).isEqualTo(12);
		assertThat(meters.find(MistralMeterObservationHandler.TOKEN_USAGE)
			.tag(MistralMeterObservationHandler.TOKEN_TYPE, "output")
			.summary()).isNull();
	}

	@Test
	void base64FloatVectorsAreLittleEndianFloat32() {
		float[] expected = { 0.5f, -1.25f, 3.0e-5f, Float.MIN_NORMAL };
		this.server.stubFor(post("/v1/embeddings").willReturn(
				okJson("""
						{"id":"b64","object":"list","model":"mistral-embed","usage":{"prompt_tokens":3,"completion_tokens":0,"total_tokens":3},
						 "data":[{"object":"embedding","embedding":"%s","index":0}]}
						"""
					.formatted(base64(expected)))));

		Embedding vector = client(128, 4)
			.embed(EmbeddingRequest.builder().input("x").encodingFormat(EncodingFormat.BASE64).build())
			.embedding();

		assertThat(vector.floats()).containsExactly(expected);
		assertThat(vector.size()).isEqualTo(4);
		this.server.verify(postRequestedFor(urlEqualTo("/v1/embeddings"))
			.withRequestBody(matchingJsonPath("$.encoding_format", equalTo("base64"))));
	}

	@Test
	void base64RequestAnsweredWithJsonNumbersReadsTheSame() {
		this.server.stubFor(post("/v1/embeddings").willReturn(
				okJson("""
						{"id":"b64","object":"list","model":"mistral-embed","usage":{"prompt_tokens":3,"completion_tokens":0,"total_tokens":3},
						 "data":[{"object":"embedding","embedding":[0.5,-1.25],"index":0}]}
						""")));

		Embedding vector = client(128, 4)
			.embed(EmbeddingRequest.builder().input("x").encodingFormat(EncodingFormat.BASE64).build())
			.embedding();

		assertThat(vector.floats()).containsExactly(0.5f, -1.25f);
	}

	@Test
	void int8VectorsAsJsonNumbersAndAsBase64() {
		this.server
			.stubFor(post("/v1/embeddings").withRequestBody(matchingJsonPath("$.encoding_format", equalTo("base64")))
				.willReturn(
						okJson("""
								{"id":"i8b","object":"list","model":"codestral-embed","usage":{"prompt_tokens":3,"completion_tokens":0,"total_tokens":3},
								 "data":[{"object":"embedding","embedding":"%s","index":0}]}
								"""
							.formatted(Base64.getEncoder().encodeToString(new byte[] { -128, -1, 0, 1, 127 })))));
		this.server.stubFor(post("/v1/embeddings").withRequestBody(matchingJsonPath("$[?(!@.encoding_format)]"))
			.willReturn(okJson(MistralWireMock.conformingResponse(OPERATION,
					"""
							{"id":"i8","object":"list","model":"codestral-embed","usage":{"prompt_tokens":3,"completion_tokens":0,"total_tokens":3},
							 "data":[{"object":"embedding","embedding":[-128,-1,0,1,127],"index":0}]}
							"""))));
		MistralEmbeddingsClient client = client(128, 4);
		EmbeddingRequest json = EmbeddingRequest.builder()
			.model("codestral-embed")
			.input("x")
			.outputDtype(EmbeddingDtype.INT8)
			.build();

		Embedding fromJson = client.embed(json).embedding();
		Embedding fromBase64 = client.embed(json.toBuilder().encodingFormat(EncodingFormat.BASE64).build()).embedding();

		for (Embedding vector : List.of(fromJson, fromBase64)) {
			assertThat(vector.dtype()).isEqualTo(EmbeddingDtype.INT8);
			assertThat(vector.ints()).containsExactly(-128, -1, 0, 1, 127);
			assertThat(vector.bytes()).containsExactly(-128, -1, 0, 1, 127);
			assertThat(vector.floats()).containsExactly(-128f, -1f, 0f, 1f, 127f);
		}
	}

	@Test
	void unsignedAndBinaryBase64VectorsKeepTheirSign() {
		byte[] raw = { (byte) 200, (byte) 255, 0, 17 };
		this.server.stubFor(post("/v1/embeddings").willReturn(
				okJson("""
						{"id":"u8","object":"list","model":"codestral-embed","usage":{"prompt_tokens":3,"completion_tokens":0,"total_tokens":3},
						 "data":[{"object":"embedding","embedding":"%s","index":0}]}
						"""
					.formatted(Base64.getEncoder().encodeToString(raw)))));
		MistralEmbeddingsClient client = client(128, 4);
		EmbeddingRequest request = EmbeddingRequest.builder()
			.model("codestral-embed")
			.input("x")
			.encodingFormat(EncodingFormat.BASE64)
			.build();

		Embedding uint8 = client.embed(request.toBuilder().outputDtype(EmbeddingDtype.UINT8).build()).embedding();
		Embedding ubinary = client.embed(request.toBuilder().outputDtype(EmbeddingDtype.UBINARY).build()).embedding();
		Embedding binary = client.embed(request.toBuilder().outputDtype(EmbeddingDtype.BINARY).build()).embedding();

		assertThat(uint8.ints()).containsExactly(200, 255, 0, 17);
		assertThat(uint8.floats()).containsExactly(200f, 255f, 0f, 17f);
		assertThat(ubinary.ints()).containsExactly(200, 255, 0, 17);
		assertThat(binary.ints()).containsExactly(-56, -1, 0, 17);
		assertThat(binary.bytes()).isEqualTo(raw);
	}

	@Test
	void aBase64VectorParsedWithoutItsDtypeSaysHowToReadIt() {
		EmbeddingResponse parsed = wireMock.retryingHttp().jsonMapper().readValue("""
				{"data":[{"embedding":"AAAAPw==","index":0}]}""", EmbeddingResponse.class);

		assertThatIllegalStateException().isThrownBy(() -> parsed.embedding().floats())
			.withMessageContaining("withDtype");
		assertThat(parsed.withDtype(EmbeddingDtype.FLOAT).embedding().floats()).containsExactly(0.5f);
		assertThatIllegalStateException()
			.isThrownBy(() -> EmbeddingResponse.class.cast(wireMock.retryingHttp().jsonMapper().readValue("""
					{"data":[{"embedding":"AAAA","index":0}]}""", EmbeddingResponse.class))
				.withDtype(EmbeddingDtype.FLOAT))
			.withMessageContaining("4 bytes per value");
	}

	@Test
	void vectorsOfChangingSizesAndUnknownFieldsParse() {
		EmbeddingResponse parsed = wireMock.retryingHttp().jsonMapper().readValue("""
				{"id":"x","object":"list","brand_new":{"a":1},"model":"m","data":[
				 {"object":"embedding","embedding":[1,2,3],"index":0,"extra":true},
				 {"object":"embedding","embedding":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20],"index":1},
				 {"object":"embedding","embedding":[],"index":2},
				 {"object":"embedding","embedding":[2.5E-3],"index":3}]}""", EmbeddingResponse.class);

		assertThat(parsed.embeddings()).extracting(Embedding::size).containsExactly(3, 20, 0, 1);
		assertThat(parsed.embeddings().get(1).floats()[19]).isEqualTo(20f);
		assertThat(parsed.embeddings().get(3).floats()).containsExactly(0.0025f);
	}

	@Test
	void aNonNumberInAVectorIsAnInvalidResponse() {
		this.server.stubFor(post("/v1/embeddings").willReturn(
				okJson("""
						{"id":"bad","object":"list","model":"mistral-embed","data":[{"object":"embedding","embedding":[0.1,"oops"],"index":0}]}""")));

		assertThatThrownBy(() -> client(128, 4).embed("x")).isInstanceOf(MistralInvalidResponseException.class)
			.hasMessageContaining("An embedding value must be a number");
	}

	@Test
	void embedAllKeepsInputOrderWhenBatchesFinishOutOfOrder() {
		List<String> inputs = IntStream.range(0, 7).mapToObj((i) -> "t" + i).toList();
		int[] delaysMs = { 400, 200, 0, 100 };
		for (int batch = 0; batch < 4; batch++) {
			stubBatch(batch * 2, Math.min(2, 7 - batch * 2), delaysMs[batch]);
		}

		List<Embedding> vectors = client(2, 3).embedAll(inputs);

		assertThat(vectors).hasSize(7);
		for (int i = 0; i < 7; i++) {
			assertThat(vectors.get(i).floats()).as("vector %d", i).containsExactly(i, i + 0.5f);
		}
		assertThat(this.server.getAllServeEvents()).hasSize(4);
	}

	@Test
	void embedAllRespectsTheConcurrencyBound() {
		for (int batch = 0; batch < 6; batch++) {
			stubBatch(batch, 1, 0);
		}
		// the first request waits until a second one is under way, so the two overlap
		// whatever the machine's speed
		InFlight inFlight = new InFlight(2);
		MistralHttp http = MistralHttp.builder()
			.baseUrl(this.server.baseUrl())
			.apiKey(MistralWireMock.API_KEY)
			.restClientBuilder(RestClient.builder().requestInterceptor((request, body, execution) -> {
				inFlight.start();
				try {
					return execution.execute(request, body);
				}
				finally {
					inFlight.end();
				}
			}))
			.build();
		MistralEmbeddingsClient client = new MistralEmbeddingsClient(http,
				new EmbeddingsDefaults("mistral-embed", 1, 2, null));

		List<Embedding> vectors = client.embedAll(IntStream.range(0, 6).mapToObj((i) -> "t" + i).toList());

		assertThat(vectors).extracting((vector) -> vector.floats()[0]).containsExactly(0f, 1f, 2f, 3f, 4f, 5f);
		assertThat(inFlight.max.get()).isEqualTo(2);
	}

	@Test
	void embedAllDoesNotWaitForHelpersStillQueuedInABusyExecutor() throws Exception {
		for (int batch = 0; batch < 4; batch++) {
			stubBatch(batch, 1, 0);
		}
		// an executor whose threads are all busy: tasks wait in its queue (a pool shared
		// with other embedAll calls would deadlock if the caller waited for them)
		List<Runnable> queued = new ArrayList<>();
		MistralEmbeddingsClient client = new MistralEmbeddingsClient(wireMock.retryingHttp(),
				new EmbeddingsDefaults("mistral-embed", 1, 4, null), queued::add);

		List<List<Embedding>> result = new ArrayList<>();
		HangGuard.run(Duration.ofSeconds(60), "embedAll with every helper queued",
				() -> result.add(client.embedAll(IntStream.range(0, 4).mapToObj((i) -> "t" + i).toList())));

		assertThat(result.get(0)).extracting((vector) -> vector.floats()[0]).containsExactly(0f, 1f, 2f, 3f);
		assertThat(queued).hasSize(3);
		queued.forEach(Runnable::run);
		assertThat(this.server.getAllServeEvents()).hasSize(4);
	}

	@Test
	void embedAllSplitsUnderTheCharacterBudget() {
		stubBatch(0, 2, 0);
		this.server
			.stubFor(post("/v1/embeddings").withRequestBody(matchingJsonPath("$.input[0]", equalTo("t2-long-input")))
				.willReturn(okJson(answer(2, 1, 0))));
		stubBatch(3, 1, 0);
		MistralEmbeddingsClient client = new MistralEmbeddingsClient(wireMock.retryingHttp(),
				new EmbeddingsDefaults("mistral-embed", 10, 1, 10));

		List<Embedding> vectors = client.embedAll(List.of("t0", "t1", "t2-long-input", "t3"));

		assertThat(vectors).extracting((vector) -> vector.floats()[0]).containsExactly(0f, 1f, 2f, 3f);
		assertThat(this.server.getAllServeEvents()).hasSize(3);
	}

	@Test
	void anErrorOnOneBatchStopsTheRestAndIsThrown() {
		stubBatch(0, 1, 0);
		this.server.stubFor(post("/v1/embeddings").withRequestBody(matchingJsonPath("$.input[0]", equalTo("t1")))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"object\":\"error\",\"message\":\"Too many tokens overall, split into more batches.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"3210\"}")));
		stubBatch(2, 1, 0);
		stubBatch(3, 1, 0);

		assertThatThrownBy(() -> client(1, 1).embedAll(List.of("t0", "t1", "t2", "t3")))
			.isInstanceOf(MistralBadRequestException.class)
			.hasMessageContaining("Too many tokens overall")
			.hasMessageNotContaining(MistralWireMock.API_KEY);
		assertThat(this.server.getAllServeEvents()).hasSize(2);
	}

	@Test
	void anAnswerWithTooFewVectorsIsInvalid() {
		this.server.stubFor(post("/v1/embeddings").willReturn(okJson(answer(0, 1, 0))));

		assertThatThrownBy(() -> client(2, 1).embedAll(List.of("t0", "t1")))
			.isInstanceOf(MistralInvalidResponseException.class)
			.hasMessageContaining("holds 1 vectors for 2 inputs");
	}

	@Test
	void reactiveEmbedAllKeepsOrderAndRespectsConcurrency() {
		List<String> inputs = IntStream.range(0, 7).mapToObj((i) -> "t" + i).toList();
		int[] delaysMs = { 300, 150, 0, 50 };
		for (int batch = 0; batch < 4; batch++) {
			stubBatch(batch * 2, Math.min(2, 7 - batch * 2), delaysMs[batch]);
		}
		InFlight inFlight = new InFlight();
		ReactiveMistralHttp http = ReactiveMistralHttp.builder()
			.baseUrl(this.server.baseUrl())
			.apiKey(MistralWireMock.API_KEY)
			.retryPolicy(RetryPolicy.NONE)
			.connector(new JdkClientHttpConnector())
			.webClientBuilder(WebClient.builder().filter((request, next) -> Mono.defer(() -> {
				inFlight.start();
				return next.exchange(request).doOnNext((response) -> inFlight.end()).doOnError((ex) -> inFlight.end());
			})))
			.build();
		ReactiveMistralEmbeddingsClient client = new ReactiveMistralEmbeddingsClient(http,
				new EmbeddingsDefaults("mistral-embed", 2, 2, null));

		List<Embedding> vectors = client.embedAll(inputs).block(Duration.ofSeconds(30));

		assertThat(vectors).extracting((vector) -> vector.floats()[0]).containsExactly(0f, 1f, 2f, 3f, 4f, 5f, 6f);
		assertThat(inFlight.max.get()).isEqualTo(2);
	}

	@Test
	void reactiveEmbedDecodesBase64() {
		this.server.stubFor(post("/v1/embeddings").willReturn(
				okJson("""
						{"id":"r","object":"list","model":"mistral-embed","data":[{"object":"embedding","embedding":"%s","index":0}]}
						"""
					.formatted(base64(new float[] { 1.5f, -2f })))));
		ReactiveMistralEmbeddingsClient client = new ReactiveMistralEmbeddingsClient(wireMock.reactiveHttp(),
				EmbeddingsDefaults.ofModel("mistral-embed"));

		EmbeddingResponse response = client
			.embed(EmbeddingRequest.builder().input("x").encodingFormat(EncodingFormat.BASE64).build())
			.block(Duration.ofSeconds(30));

		assertThat(response.embedding().floats()).containsExactly(1.5f, -2f);
	}

	@Test
	void badInputIsRejectedBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddingRequest.builder().build())
			.withMessageContaining("at least one input");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmbeddingRequest.builder().input("a").outputDimension(0).build())
			.withMessageContaining("outputDimension must be above 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmbeddingRequest.builder().input(java.util.Arrays.asList("a", null)).build())
			.withMessageContaining("input[1] is null");
		assertThatIllegalArgumentException().isThrownBy(() -> new EmbeddingsDefaults("m", 0, 1, null))
			.withMessageContaining("mistral.embeddings.batch-size");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MistralEmbeddingsClient(wireMock.retryingHttp()).embed("x"))
			.withMessageContaining("mistral.embeddings.model");
		assertThat(this.server.getAllServeEvents()).isEmpty();
	}

	/**
	 * Stubs the request whose first input is {@code t<first>}: vector
	 * {@code [i, i + 0.5]} per input i.
	 */
	void stubBatch(int first, int count, int delayMs) {
		this.server.stubFor(post("/v1/embeddings").withRequestBody(matchingJsonPath("$.input[0]", equalTo("t" + first)))
			.withRequestBody(matchingJsonPath("$.input.length()", equalTo(String.valueOf(count))))
			.willReturn(okJson(answer(first, count, 0)).withFixedDelay(delayMs)));
	}

	static String answer(int first, int count, int ignored) {
		List<String> data = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int value = first + i;
			data.add("{\"object\":\"embedding\",\"embedding\":[" + value + "," + (value + 0.5) + "],\"index\":" + i
					+ "}");
		}
		return MistralWireMock.conformingResponse(OPERATION,
				"{\"id\":\"batch-" + first + "\",\"object\":\"list\",\"model\":\"mistral-embed\","
						+ "\"usage\":{\"prompt_tokens\":" + count + ",\"completion_tokens\":0,\"total_tokens\":" + count
						+ "}," + "\"data\":[" + String.join(",", data) + "]}");
	}

	static String base64(float[] values) {
		ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (float value : values) {
			buffer.putFloat(value);
		}
		return Base64.getEncoder().encodeToString(buffer.array());
	}

	static final class InFlight {

		final AtomicInteger now = new AtomicInteger();

		final AtomicInteger max = new AtomicInteger();

		private final CountDownLatch overlap;

		InFlight() {
			this(0);
		}

		/**
		 * Counts requests in flight; with {@code overlap} &gt; 0, the first requests wait
		 * (blocking, up to 30 s) until that many have started.
		 */
		InFlight(int overlap) {
			this.overlap = new CountDownLatch(overlap);
		}

		void start() {
			this.max.accumulateAndGet(this.now.incrementAndGet(), Math::max);
			this.overlap.countDown();
			try {
				this.overlap.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		void end() {
			this.now.decrementAndGet();
		}

	}

}
