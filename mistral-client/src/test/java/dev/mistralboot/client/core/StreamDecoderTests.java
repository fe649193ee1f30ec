package dev.mistralboot.client.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mistralboot.client.chat.ChatCompletionChunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The cheap test that decides whether a chunk must be checked for an error event, and the
 * parser a stream's chunks share.
 */
class StreamDecoderTests {

	private static final JsonMapper MAPPER = MistralJson.defaultMapper();

	private static final List<String> CHUNKS = List.of(
			"{\"id\":\"a\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}",
			"{\"id\":\"a\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Comté, \\\"quoted\\\" and \\u00e9\"}}],\"extra\":{\"kept\":[1,2]}}",
			"{}", "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + "x".repeat(20_000) + "\"}}]}",
			"{ \"id\" : \"spaced\" ,\n\"choices\":[] }",
			"{\"id\":\"a\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}");

	@Test
	void chunksReadOneAfterTheOtherAreTheChunksReadEachOnItsOwn() {
		ObjectReader reader = MAPPER.readerFor(ChatCompletionChunk.class);
		StreamDecoder<ChatCompletionChunk> decoder = decoder(reader);
		List<ChatCompletionChunk> shared = new ArrayList<>();
		for (int pass = 0; pass < 3; pass++) {
			for (String chunk : CHUNKS) {
				shared.add(decode(decoder, chunk));
			}
		}
		List<ChatCompletionChunk> alone = new ArrayList<>();
		for (int pass = 0; pass < 3; pass++) {
			for (String chunk : CHUNKS) {
				alone.add(reader.readValue(chunk));
			}
		}
		assertThat(shared).isEqualTo(alone);
		assertThat(shared.get(1).additionalProperties()).containsEntry("extra", Map.of("kept", List.of(1, 2)));
		assertThat(shared.get(3).text()).hasSize(20_000);
	}

	@Test
	void aChunkWithMoreThanOneObjectGivesTheFirstAndTheNextChunkIsStillRead() {
		StreamDecoder<ChatCompletionChunk> decoder = decoder(MAPPER.readerFor(ChatCompletionChunk.class));
		assertThat(decode(decoder, "{\"id\":\"first\"} {\"id\":\"second\"}").id()).isEqualTo("first");
		assertThat(decode(decoder, "{\"id\":\"next\"}").id()).isEqualTo("next");
		assertThat(decode(decoder, "{\"id\":\"then\"}").id()).isEqualTo("then");
	}

	@Test
	void anUnreadableChunkFailsAndTheStreamsParserStartsAgainAfterIt() {
		StreamDecoder<ChatCompletionChunk> decoder = decoder(MAPPER.readerFor(ChatCompletionChunk.class));
		assertThat(decode(decoder, "{\"id\":\"before\"}").id()).isEqualTo("before");
		assertThatExceptionOfType(MistralInvalidResponseException.class)
			.isThrownBy(() -> decode(decoder, "{\"id\":\"cut"))
			.withMessageContaining("could not be read");
		assertThatExceptionOfType(MistralInvalidResponseException.class)
			.isThrownBy(() -> decode(decoder, "{\"id\":\"a\",\"created\":\"not a number\"}"));
		assertThat(decode(decoder, "{\"id\":\"after\"}").id()).isEqualTo("after");
	}

	@Test
	void aMapperThatChecksForTrailingTokensStillReadsEveryChunkAndFailsOneWithMore() {
		JsonMapper strict = MAPPER.rebuild().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
		StreamDecoder<ChatCompletionChunk> decoder = decoder(strict.readerFor(ChatCompletionChunk.class));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(decode(decoder, "{\"id\":\"c" + i + "\"}").id());
		}
		assertThat(ids).containsExactly("c0", "c1", "c2", "c3", "c4");
		// as the chunk read on its own fails with this mapper
		assertThatExceptionOfType(MistralInvalidResponseException.class)
			.isThrownBy(() -> decode(decoder, "{\"id\":\"first\"} {\"id\":\"second\"}"));
		assertThat(decode(decoder, "{\"id\":\"after\"}").id()).isEqualTo("after");
	}

	@Test
	void whitespaceAroundAChunkIsWhatCharacterIsWhitespaceAccepts() {
		for (int b = Byte.MIN_VALUE; b <= Byte.MAX_VALUE; b++) {
			assertThat(StreamDecoder.isWhitespace((byte) b)).as("byte %d", b)
				.isEqualTo(Character.isWhitespace((byte) b));
		}
	}

	@Test
	void chunksAroundAnObjectOfAnotherShapeAreReadWithOneContext() {
		// a chunk with an unknown key, a null, a nested object: the shared context
		// keeps no state from one chunk to the next
		StreamDecoder<ChatCompletionChunk> decoder = decoder(MAPPER.readerFor(ChatCompletionChunk.class));
		ChatCompletionChunk first = decode(decoder, "{\"id\":\"a\",\"extra\":{\"x\":[1,2]}}");
		ChatCompletionChunk second = decode(decoder, "{\"id\":\"b\",\"model\":null}");
		assertThat(first.id()).isEqualTo("a");
		assertThat(first.additionalProperties()).containsOnlyKeys("extra");
		assertThat(second.id()).isEqualTo("b");
		assertThat(second.additionalProperties()).isEmpty();
	}

	@Test
	void aChunkThatIsNotAnObjectIsReadOnItsOwn() {
		StreamDecoder<Object> decoder = decoder(MAPPER.readerFor(Object.class));
		assertThat(decode(decoder, "{\"a\":1}")).isEqualTo(Map.of("a", 1));
		assertThat(decode(decoder, "[1,2]")).isEqualTo(List.of(1, 2));
		assertThat(decode(decoder, "42")).isEqualTo(42);
		assertThat(decode(decoder, "{\"b\":2}")).isEqualTo(Map.of("b", 2));
	}

	private static <T> StreamDecoder<T> decoder(ObjectReader reader) {
		return new StreamDecoder<>(reader, new ErrorResponses(MAPPER), "the test stream");
	}

	private static <T> T decode(StreamDecoder<T> decoder, String chunk) {
		// in a larger, reused buffer, as the event parser hands it over
		byte[] bytes = ("  " + chunk + " ").getBytes(StandardCharsets.UTF_8);
		byte[] buffer = new byte[bytes.length + 16];
		System.arraycopy(bytes, 0, buffer, 0, bytes.length);
		T value = decoder.decode(null, buffer, bytes.length, 0);
		java.util.Arrays.fill(buffer, (byte) 'z');
		return value;
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"id":"a","choices":[{"index":0,"delta":{"content":"Comté"}}],"p":"abc"} | false
			{"object":"error","message":"Service unavailable","type":"internal_error"} | true
			{"error":{"message":"boom"}} | true
			{"detail":"Unauthorized"} | true
			{"message":"Requests rate limit exceeded"} | true
			{"id":"a","choices":[{"delta":{"content":"an error, detail or message"}}]} | false
			{"id":"a","choices":[{"delta":{"content":"quoted \\"message\\" text"}}]} | false
			{"id":"a","x":"d","y":"m","z":"e"} | false
			{"id":"a","x":"error" | true
			{"id":"a","x":"erro | false
			{"id":"a","message":"a chunk with an id is no error unless it says error"} | false
			{"type":"x","detail":"y"} | false
			{"type":"x","error":{"message":"m"}} | true
			{"id":"a","object":"error"} | true
			{ "id":"a","message":"m"} | true
			"message" | true
			"messag | false
			" | false
			""")
	void mayBeError(String data, boolean expected) {
		byte[] bytes = ("  " + data + "  ").getBytes(StandardCharsets.UTF_8);
		assertThat(StreamDecoder.mayBeError(bytes, 2, bytes.length - 2)).isEqualTo(expected);
	}

}
