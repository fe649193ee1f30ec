package dev.mistralboot.client.core;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cheap test that decides whether a chunk must be checked for an error event.
 */
class StreamDecoderTests {

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
