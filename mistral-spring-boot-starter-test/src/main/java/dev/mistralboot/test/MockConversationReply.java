package dev.mistralboot.test;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One scripted turn of a {@link MockMistral} conversation: a text answer (whole, or in
 * the pieces a stream delivers) or a call of one of the application's functions, which
 * the application answers by appending a {@code function.result} entry.
 *
 * <p>
 * The same reply serves whole and streamed requests: a streamed turn receives
 * {@code conversation.response.started}, one {@code message.output.delta} per piece (a
 * function call arrives as two {@code function.call.delta} events whose arguments join
 * into the whole, as a split call does on the live API) and
 * {@code conversation.response.done} with usage; a whole turn receives one
 * {@code conversation.response} with the output entry. Immutable.
 *
 * <pre>{@code
 * MockConversationReply.text("Your payment was made.");           // streamed word by word
 * MockConversationReply.inPieces("Pa", "id.");                     // streamed in exactly these pieces
 * MockConversationReply.functionCall("retrieve_payment_status", "{\"transaction_id\":\"T1001\"}");
 * }</pre>
 */
public final class MockConversationReply {

	private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=\\s)(?=\\S)");

	private final List<String> pieces;

	private final String functionName;

	private final String arguments;

	private MockConversationReply(List<String> pieces, String functionName, String arguments) {
		this.pieces = List.copyOf(pieces);
		this.functionName = functionName;
		this.arguments = arguments;
	}

	/**
	 * A text answer; streamed, it arrives word by word.
	 * @param text the answer
	 * @return the reply
	 * @throws IllegalArgumentException when {@code text} is {@code null}
	 */
	public static MockConversationReply text(String text) {
		if (text == null) {
			throw new IllegalArgumentException("text must not be null; use \"\" for an empty answer");
		}
		List<String> pieces = text.isEmpty() ? List.of("") : Arrays.asList(WORD_BOUNDARY.split(text));
		return new MockConversationReply(pieces, "", "");
	}

	/**
	 * A text answer streamed in exactly these pieces (joined for a whole answer).
	 * @param pieces the pieces, in order
	 * @return the reply
	 * @throws IllegalArgumentException when no piece is given or a piece is {@code null}
	 */
	public static MockConversationReply inPieces(String... pieces) {
		if (pieces == null || pieces.length == 0) {
			throw new IllegalArgumentException("give at least one piece, for example inPieces(\"Hel\", \"lo\")");
		}
		for (String piece : pieces) {
			if (piece == null) {
				throw new IllegalArgumentException("pieces must not be null: " + Arrays.toString(pieces));
			}
		}
		return new MockConversationReply(List.of(pieces), "", "");
	}

	/**
	 * A turn that asks the application to call one of its functions: a
	 * {@code function.call} entry with a new {@code tool_call_id}. Answer it by appending
	 * a {@code function.result} entry with that id (the mock answers 400 to a result of
	 * an unknown call).
	 * @param name the function's name, as the application declared it
	 * @param argumentsJson the arguments, a JSON object
	 * @return the reply
	 * @throws IllegalArgumentException when the name is blank or the arguments are not a
	 * JSON object
	 */
	public static MockConversationReply functionCall(String name, String argumentsJson) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("give the function's name, for example \"retrieve_payment_status\"");
		}
		JsonNode arguments;
		try {
			arguments = (argumentsJson != null) ? MockResponses.JSON.readTree(argumentsJson) : null;
		}
		catch (JacksonException ex) {
			arguments = null;
		}
		if (arguments == null || !arguments.isObject()) {
			throw new IllegalArgumentException(
					"argumentsJson must be a JSON object, such as {\"transaction_id\":\"T1001\"}, was: "
							+ argumentsJson);
		}
		return new MockConversationReply(List.of(), name, argumentsJson);
	}

	boolean isFunctionCall() {
		return !this.functionName.isEmpty();
	}

	List<String> pieces() {
		return this.pieces;
	}

	String text() {
		return String.join("", this.pieces);
	}

	String functionName() {
		return this.functionName;
	}

	String arguments() {
		return this.arguments;
	}

	@Override
	public String toString() {
		return isFunctionCall() ? "function call " + this.functionName + this.arguments : "text \"" + text() + "\"";
	}

}
