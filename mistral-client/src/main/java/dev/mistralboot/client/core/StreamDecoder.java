package dev.mistralboot.client.core;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;

import org.springframework.http.HttpHeaders;

/**
 * Turns the {@code data} of one server-sent event into a chunk, recognising
 * {@code [DONE]}, final events ({@link EndOfStream}) and error events. Shared by the
 * blocking and reactive streams.
 *
 * @param <T> the chunk type
 */
final class StreamDecoder<T> {

	private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ERROR_MARKER = "\"error\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] DETAIL_MARKER = "\"detail\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] MESSAGE_MARKER = "\"message\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ID_KEY = "{\"id\":".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] TYPE_KEY = "{\"type\":".getBytes(StandardCharsets.US_ASCII);

	private final ObjectReader reader;

	private final ErrorResponses errors;

	private final String description;

	private boolean done;

	/**
	 * Reads the chunks of the stream one after the other, with one parser (fed from
	 * {@link #input}) and one deserialization context for the stream
	 * ({@code ObjectReader.readValue} creates a context for each value); {@code null}
	 * before the first chunk, after a chunk it did not read to its last byte, and once
	 * the stream is done.
	 */
	private @Nullable MappingIterator<T> values;

	/**
	 * Whether chunks are read with the stream's parser: not when the reader checks for
	 * trailing tokens or unwraps a root name, which apply to a value read on its own.
	 */
	private final boolean shared;

	private final EventInput input = new EventInput();

	/** The bytes handed to the parser of {@link #values} since it was created. */
	private long fed;

	StreamDecoder(ObjectReader reader, ErrorResponses errors, String description) {
		this.reader = reader;
		this.errors = errors;
		this.description = description;
		this.shared = !reader.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
				&& !reader.getConfig().useRootWrapping();
	}

	boolean isDone() {
		return this.done;
	}

	/**
	 * Decodes one event.
	 * @return the chunk, or {@code null} for {@code [DONE]} and empty events
	 * @throws MistralStreamException for an error event
	 * @throws MistralInvalidResponseException for data that is not a chunk
	 */
	@Nullable T decode(@Nullable String eventName, byte[] data, int length, int delivered) {
		int start = 0;
		int end = length;
		while (start < end && isWhitespace(data[start])) {
			start++;
		}
		while (end > start && isWhitespace(data[end - 1])) {
			end--;
		}
		if (start == end) {
			return null;
		}
		if (equals(data, start, end, DONE)) {
			this.done = true;
			return null;
		}
		if ("error".equals(eventName) || mayBeError(data, start, end)) {
			checkForError(eventName, data, start, end, delivered);
		}
		try {
			T chunk = read(data, start, end);
			if (chunk instanceof EndOfStream) {
				// a typed final event ends the stream as [DONE] does
				this.done = true;
			}
			if (this.done) {
				close();
			}
			return chunk;
		}
		catch (JacksonException ex) {
			throw new MistralInvalidResponseException(
					"A chunk of the stream of " + this.description + " could not be read: " + ex.getOriginalMessage(),
					new String(data, start, end - start, StandardCharsets.UTF_8), ex);
		}
	}

	/**
	 * Reads an object chunk with the stream's parser, created for the first one: one
	 * parser and one deserialization context per stream rather than one per chunk, whose
	 * set-up (buffers from Jackson's pool, encoding detection, contexts) cost about as
	 * much as reading a small chunk. The parser only asks for more input when it needs a
	 * byte, and an object ends at its last byte, so it never reads past the chunk it is
	 * given. Anything else (a chunk that is not an object, or one followed by more than
	 * the object) is read on its own, as it would have been without the shared parser,
	 * and so is every chunk when the reader checks for trailing tokens or unwraps a root
	 * name.
	 */
	private T read(byte[] data, int start, int end) {
		if (data[start] != '{' || !this.shared) {
			return this.reader.readValue(data, start, end - start);
		}
		MappingIterator<T> iterator = this.values;
		if (iterator == null) {
			iterator = this.reader.readValues(this.reader.createParser(this.input));
			this.values = iterator;
			this.fed = 0;
		}
		this.input.set(data, start, end);
		this.fed += end - start;
		boolean whole = false;
		try {
			T chunk = iterator.nextValue();
			// more than one value in the chunk: the first is what a chunk read on its own
			// gives, and the parser, which has not read the rest, is not used again
			whole = iterator.parser().currentLocation().getByteOffset() == this.fed;
			return chunk;
		}
		finally {
			this.input.clear();
			if (!whole) {
				close();
			}
		}
	}

	/**
	 * Whether the byte is a character {@link Character#isWhitespace(int)} accepts: of the
	 * single bytes, tab to carriage return, the four separators and the space.
	 */
	static boolean isWhitespace(byte b) {
		return b == ' ' || (b >= '\t' && b <= '\r') || (b >= 0x1C && b <= 0x1F);
	}

	/** Gives the stream's parser's buffers back to Jackson's pool. */
	private void close() {
		MappingIterator<T> current = this.values;
		this.values = null;
		if (current != null) {
			current.parser().close();
		}
	}

	private void checkForError(@Nullable String eventName, byte[] data, int start, int end, int delivered) {
		String text = new String(data, start, end - start, StandardCharsets.UTF_8);
		boolean error = "error".equals(eventName);
		if (!error) {
			try {
				JsonNode node = this.reader.readTree(data, start, end - start);
				error = node != null && node.isObject() && ("error".equals(node.path("object").asString(null))
						|| node.has("error")
						|| (!node.has("id") && !node.has("type") && (node.has("detail") || node.has("message"))));
			}
			catch (JacksonException ex) {
				error = false;
			}
		}
		if (error) {
			ApiError apiError = this.errors.parse(text, new HttpHeaders());
			throw new MistralStreamException(
					"The server sent an error inside the stream of " + this.description + " after " + delivered
							+ " chunks: " + apiError.message()
							+ ((apiError.type() != null) ? " [type=" + apiError.type() + "]" : ""),
					delivered, apiError, null);
		}
	}

	/**
	 * Whether the data may be an error object, checked before parsing: it holds
	 * {@code "error"} (a key, or the value of {@code object}), or it does not start with
	 * an {@code id} or {@code type} key and holds {@code "detail"} or {@code "message"}.
	 * {@link #checkForError} decides on the parsed tree; this only keeps it off the
	 * chunks that cannot be errors. It runs for every chunk of every stream, so the
	 * chunks that start with an {@code id} or {@code type} key, as chunks do, are scanned
	 * for one marker only.
	 */
	static boolean mayBeError(byte[] data, int start, int end) {
		if (startsWith(data, start, end, ID_KEY) || startsWith(data, start, end, TYPE_KEY)) {
			// a chunk: only an "error" key or value makes it worth a look
			for (int at = ByteScan.pair(data, start, end, (byte) '"', (byte) 'e'); at >= 0; at = ByteScan.pair(data,
					at + 1, end, (byte) '"', (byte) 'e')) {
				if (startsWith(data, at, end, ERROR_MARKER)) {
					return true;
				}
			}
			return false;
		}
		for (int i = start; i < end - 1; i++) {
			if (data[i] == '"') {
				byte next = data[i + 1];
				if ((next == 'e' && startsWith(data, i, end, ERROR_MARKER))
						|| (next == 'd' && startsWith(data, i, end, DETAIL_MARKER))
						|| (next == 'm' && startsWith(data, i, end, MESSAGE_MARKER))) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean startsWith(byte[] data, int at, int end, byte[] marker) {
		if (end - at < marker.length) {
			return false;
		}
		for (int j = 0; j < marker.length; j++) {
			if (data[at + j] != marker[j]) {
				return false;
			}
		}
		return true;
	}

	private static boolean equals(byte[] data, int start, int end, byte[] expected) {
		if (end - start != expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if (data[start + i] != expected[i]) {
				return false;
			}
		}
		return true;
	}

	MistralStreamException cutOff(int delivered, @Nullable Throwable cause) {
		return new MistralStreamException("The stream of " + this.description + " ended after " + delivered
				+ " chunks without [DONE] or its final event: the answer is incomplete (connection cut by the server or a proxy).",
				delivered, null, cause);
	}

	/**
	 * The data of the chunk being read, handed to the stream's parser when it asks; the
	 * end of input (which ends the parser) if it asks for more than that.
	 */
	private static final class EventInput extends InputStream {

		private static final byte[] NONE = new byte[0];

		private byte[] data = NONE;

		private int position;

		private int end;

		void set(byte[] data, int start, int end) {
			this.data = data;
			this.position = start;
			this.end = end;
		}

		void clear() {
			this.data = NONE;
			this.position = 0;
			this.end = 0;
		}

		@Override
		public int read() {
			return (this.position < this.end) ? this.data[this.position++] & 0xFF : -1;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.position >= this.end) {
				return -1;
			}
			int count = Math.min(length, this.end - this.position);
			System.arraycopy(this.data, this.position, buffer, offset, count);
			this.position += count;
			return count;
		}

	}

}
