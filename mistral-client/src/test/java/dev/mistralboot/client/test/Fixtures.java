package dev.mistralboot.client.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Loads the recorded-style fixtures under {@code dev/mistralboot/client/test/fixtures/}
 * of the test classpath: chat answers ({@code *.json}) and server-sent event streams
 * ({@code *.sse}), modelled on real answers of the Mistral API.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/**
	 * A fixture's text, with {@code \n} line endings.
	 * @param name the file name, such as {@code chat-text.sse}
	 * @return the text
	 */
	public static String text(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("fixtures/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The same text with {@code \r\n} line endings.
	 * @param text text with {@code \n} line endings
	 * @return the text with CRLF
	 */
	public static String crlf(String text) {
		return text.replace("\n", "\r\n");
	}

	/**
	 * The {@code data:} payloads of a server-sent event fixture, without {@code [DONE]}.
	 * @param sse the fixture text
	 * @return the JSON of each event
	 */
	public static java.util.List<String> dataLines(String sse) {
		return sse.lines()
			.filter((line) -> line.startsWith("data: "))
			.map((line) -> line.substring(6))
			.filter((data) -> !data.equals("[DONE]"))
			.toList();
	}

}
