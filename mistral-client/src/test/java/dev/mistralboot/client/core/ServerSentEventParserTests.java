package dev.mistralboot.client.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ServerSentEventParserTests {

	private final List<String> events = new ArrayList<>();

	private final List<String> names = new ArrayList<>();

	private final ServerSentEventParser parser = new ServerSentEventParser((name, data, length) -> {
		this.names.add(name);
		this.events.add(new String(data, 0, length, StandardCharsets.UTF_8));
	});

	private static final String STREAM = "data: {\"a\":\"é1\"}\n\n: keep-alive comment\n\ndata: {\"b\":2}\n\ndata: [DONE]\n\n";

	@Test
	void parsesEventsEndedByBlankLines() {
		feed(STREAM);
		assertThat(this.events).containsExactly("{\"a\":\"é1\"}", "{\"b\":2}", "[DONE]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\n", "\r\n", "\r" })
	void acceptsEveryLineEnding(String lineEnding) {
		feed(STREAM.replace("\n", lineEnding));
		assertThat(this.events).containsExactly("{\"a\":\"é1\"}", "{\"b\":2}", "[DONE]");
	}

	@Test
	void splitsAnywhereGiveTheSameEvents() {
		byte[] bytes = STREAM.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
		for (int split = 1; split < bytes.length; split++) {
			List<String> seen = new ArrayList<>();
			ServerSentEventParser p = new ServerSentEventParser(
					(name, data, length) -> seen.add(new String(data, 0, length, StandardCharsets.UTF_8)));
			p.feed(bytes, 0, split);
			p.feed(bytes, split, bytes.length - split);
			p.finish();
			assertThat(seen).as("split at %d", split).containsExactly("{\"a\":\"é1\"}", "{\"b\":2}", "[DONE]");
		}
	}

	@Test
	void everySplitIntoThreeReadsGivesTheSameEventsAsOneRead() {
		// every line ending, a CRLF and a lone CR, names, comments, a multi-line event
		String stream = "event: a\r\ndata: 1\r\n\r\n:c\rdata: x\ndata:y\r\rid: 9\ndata: {\"é\":2}\n\n";
		byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
		List<String> whole = new ArrayList<>();
		ServerSentEventParser once = new ServerSentEventParser(
				(name, data, length) -> whole.add(name + "=" + new String(data, 0, length, StandardCharsets.UTF_8)));
		once.feed(bytes, 0, bytes.length);
		once.finish();
		assertThat(whole).containsExactly("a=1", "null=x\ny", "null={\"é\":2}");
		for (int first = 0; first <= bytes.length; first++) {
			for (int second = first; second <= bytes.length; second++) {
				List<String> seen = new ArrayList<>();
				ServerSentEventParser p = new ServerSentEventParser((name, data, length) -> seen
					.add(name + "=" + new String(data, 0, length, StandardCharsets.UTF_8)));
				p.feed(bytes, 0, first);
				p.feed(bytes, first, second - first);
				p.feed(bytes, second, bytes.length - second);
				p.finish();
				assertThat(seen).as("reads split at %d and %d", first, second).isEqualTo(whole);
			}
		}
	}

	@Test
	void oneByteAtATime() {
		byte[] bytes = STREAM.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < bytes.length; i++) {
			this.parser.feed(bytes, i, 1);
		}
		assertThat(this.events).containsExactly("{\"a\":\"é1\"}", "{\"b\":2}", "[DONE]");
	}

	@Test
	void joinsMultiLineDataWithNewlines() {
		feed("data: {\"a\":\ndata:  1}\n\n");
		assertThat(this.events).containsExactly("{\"a\":\n 1}");
	}

	@Test
	void readsEventNamesAndIgnoresIdRetryAndUnknownFields() {
		feed("event: error\nid: 7\nretry: 100\nfoo: bar\ndata: {\"x\":1}\n\ndata: {\"y\":2}\n\n");
		assertThat(this.events).containsExactly("{\"x\":1}", "{\"y\":2}");
		assertThat(this.names).containsExactly("error", null);
	}

	@Test
	void ignoresCommentsAndEventsWithoutData() {
		feed(":ping\n\nevent: ping\n\n\n\ndata:no-space\n\n");
		assertThat(this.events).containsExactly("no-space");
	}

	@Test
	void finishDispatchesAnEventWithoutItsBlankLine() {
		feed("data: [DONE]");
		assertThat(this.events).isEmpty();
		this.parser.finish();
		assertThat(this.events).containsExactly("[DONE]");
	}

	@Test
	void longLinesGrowTheBuffers() {
		String big = "x".repeat(50_000);
		feed("data: " + big + "\ndata: " + big + "\n\n");
		assertThat(this.events).containsExactly(big + "\n" + big);
	}

	@Test
	void emptyDataLineIsAnEmptyEvent() {
		feed("data:\n\n");
		assertThat(this.events).containsExactly("");
	}

	private void feed(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		this.parser.feed(bytes, 0, bytes.length);
	}

}
