package dev.mistralboot.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.mistralboot.client.chat.FinishReason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One scripted chat answer of {@link MockMistral}: text (whole, or in the pieces a stream
 * delivers) or tool calls.
 *
 * <p>
 * The same reply serves both kinds of request: a request with {@code "stream": true}
 * receives it as server-sent events, one chunk per piece (plus a role-only first chunk
 * and a last chunk with the finish reason and usage, like the live API); any other
 * request receives one {@code chat.completion} object with the pieces joined. Immutable.
 *
 * <pre>{@code
 * MockChatReply.text("Paris is the capital of France.");        // streamed word by word
 * MockChatReply.inPieces("Par", "is", ".");                    // streamed in exactly these pieces
 * MockChatReply.toolCall("retrieve_payment_status", "{\"transaction_id\":\"T1001\"}");
 * }</pre>
 */
public final class MockChatReply {

	private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=\\s)(?=\\S)");

	private final List<String> pieces;

	private final List<Call> toolCalls;

	private final FinishReason finishReason;

	private MockChatReply(List<String> pieces, List<Call> toolCalls, FinishReason finishReason) {
		this.pieces = List.copyOf(pieces);
		this.toolCalls = List.copyOf(toolCalls);
		this.finishReason = finishReason;
	}

	/**
	 * A text answer; streamed, it arrives word by word (each piece a word and the white
	 * space after it).
	 * @param text the answer
	 * @return the reply
	 * @throws IllegalArgumentException when {@code text} is {@code null}
	 */
	public static MockChatReply text(String text) {
		if (text == null) {
			throw new IllegalArgumentException("text must not be null; use \"\" for an empty answer");
		}
		List<String> pieces = text.isEmpty() ? List.of() : Arrays.asList(WORD_BOUNDARY.split(text));
		return new MockChatReply(pieces, List.of(), FinishReason.STOP);
	}

	/**
	 * A text answer streamed in exactly these pieces (joined for a non-streaming
	 * request).
	 * @param pieces the pieces, in order
	 * @return the reply
	 * @throws IllegalArgumentException when no piece is given or a piece is {@code null}
	 */
	public static MockChatReply inPieces(String... pieces) {
		if (pieces == null || pieces.length == 0) {
			throw new IllegalArgumentException("give at least one piece, for example inPieces(\"Hel\", \"lo\")");
		}
		for (String piece : pieces) {
			if (piece == null) {
				throw new IllegalArgumentException("pieces must not be null: " + Arrays.toString(pieces));
			}
		}
		return new MockChatReply(List.of(pieces), List.of(), FinishReason.STOP);
	}

	/**
	 * An answer asking the application to call one function, with finish reason
	 * {@code tool_calls}.
	 * @param functionName the function's name, as declared in the request's tools
	 * @param argumentsJson the arguments, a JSON object such as
	 * {@code {"transaction_id":"T1001"}}
	 * @return the reply
	 * @throws IllegalArgumentException when the name is blank or the arguments are not a
	 * JSON object
	 */
	public static MockChatReply toolCall(String functionName, String argumentsJson) {
		return new MockChatReply(List.of(), List.of(Call.of(functionName, argumentsJson)), FinishReason.TOOL_CALLS);
	}

	/**
	 * This reply with one more tool call (parallel tool calls).
	 * @param functionName the function's name
	 * @param argumentsJson the arguments, a JSON object
	 * @return a new reply
	 * @throws IllegalArgumentException when the name is blank, the arguments are not a
	 * JSON object, or this reply is a text answer
	 */
	public MockChatReply andToolCall(String functionName, String argumentsJson) {
		if (this.toolCalls.isEmpty()) {
			throw new IllegalArgumentException(
					"andToolCall(...) adds to a tool-call reply; start with " + "MockChatReply.toolCall(...)");
		}
		List<Call> calls = new ArrayList<>(this.toolCalls);
		calls.add(Call.of(functionName, argumentsJson));
		return new MockChatReply(this.pieces, calls, this.finishReason);
	}

	/**
	 * This reply with another finish reason, for example {@link FinishReason#LENGTH} for
	 * a cut answer.
	 * @param finishReason the finish reason
	 * @return a new reply
	 * @throws IllegalArgumentException when {@code finishReason} is {@code null} or
	 * {@link FinishReason#UNKNOWN}
	 */
	public MockChatReply withFinishReason(FinishReason finishReason) {
		if (finishReason == null || finishReason == FinishReason.UNKNOWN) {
			throw new IllegalArgumentException("finishReason must be one of stop, length, model_length, error, "
					+ "tool_calls; got " + finishReason);
		}
		return new MockChatReply(this.pieces, this.toolCalls, finishReason);
	}

	/**
	 * The text pieces a stream delivers, in order; empty for a tool-call reply.
	 * @return an immutable list
	 */
	public List<String> pieces() {
		return this.pieces;
	}

	/**
	 * The whole text.
	 * @return the pieces joined
	 */
	public String text() {
		return String.join("", this.pieces);
	}

	/**
	 * The tool calls asked for; empty for a text reply.
	 * @return an immutable list
	 */
	public List<Call> toolCalls() {
		return this.toolCalls;
	}

	/**
	 * The finish reason sent with the reply.
	 * @return {@code stop} for text, {@code tool_calls} for tool calls, unless changed
	 */
	public FinishReason finishReason() {
		return this.finishReason;
	}

	@Override
	public String toString() {
		return this.toolCalls.isEmpty() ? "MockChatReply[text=" + text() + ", pieces=" + this.pieces.size() + "]"
				: "MockChatReply[toolCalls=" + this.toolCalls + "]";
	}

	/**
	 * One function call of a reply.
	 *
	 * @param name the function's name
	 * @param arguments the arguments, JSON object text
	 */
	public record Call(String name, String arguments) {

		/**
		 * Checks the call.
		 * @throws IllegalArgumentException when the name is blank or the arguments are
		 * not a JSON object
		 */
		public Call {
			Objects.requireNonNull(name, "name");
			if (name.isBlank()) {
				throw new IllegalArgumentException("the function name must not be blank");
			}
			if (arguments == null) {
				throw new IllegalArgumentException("arguments must be a JSON object such as {}, not null");
			}
			JsonNode parsed;
			try {
				parsed = MockResponses.JSON.readTree(arguments);
			}
			catch (JacksonException ex) {
				parsed = null;
			}
			if (parsed == null || !parsed.isObject()) {
				throw new IllegalArgumentException("the arguments of " + name
						+ " must be a JSON object such as {\"transaction_id\":\"T1001\"}, got: " + arguments);
			}
		}

		static Call of(String name, String arguments) {
			if (name == null) {
				throw new IllegalArgumentException("the function name must not be null");
			}
			return new Call(name, arguments);
		}

	}

}
