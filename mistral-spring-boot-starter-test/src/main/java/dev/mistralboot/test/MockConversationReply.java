package dev.mistralboot.test;

import java.util.ArrayList;
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
 * MockConversationReply.functionCall("retrieve_payment_status", "{\"transaction_id\":\"T1002\"}")
 *     .andFunctionCall("retrieve_payment_date", "{\"transaction_id\":\"T1002\"}");   // two calls in one turn
 * }</pre>
 */
public final class MockConversationReply {

	private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=\\s)(?=\\S)");

	private final List<String> pieces;

	private final List<Call> calls;

	private MockConversationReply(List<String> pieces, List<Call> calls) {
		this.pieces = List.copyOf(pieces);
		this.calls = List.copyOf(calls);
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
		return new MockConversationReply(pieces, List.of());
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
		return new MockConversationReply(List.of(pieces), List.of());
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
		return new MockConversationReply(List.of(), List.of(call(name, argumentsJson)));
	}

	/**
	 * This function-call turn with one more call: the turn holds one
	 * {@code function.call} entry per call, in order, each with its own
	 * {@code tool_call_id} (streamed, each arrives as two {@code function.call.delta}
	 * events of its own {@code output_index}); the application answers them all in one
	 * append.
	 * @param name the function's name, as the application declared it
	 * @param argumentsJson the arguments, a JSON object
	 * @return a new reply
	 * @throws IllegalStateException when this reply is a text answer
	 * @throws IllegalArgumentException when the name is blank or the arguments are not a
	 * JSON object
	 */
	public MockConversationReply andFunctionCall(String name, String argumentsJson) {
		if (!isFunctionCall()) {
			throw new IllegalStateException("andFunctionCall adds a call to a function-call reply; start with "
					+ "MockConversationReply.functionCall(...), not with a text answer");
		}
		List<Call> calls = new ArrayList<>(this.calls);
		calls.add(call(name, argumentsJson));
		return new MockConversationReply(List.of(), calls);
	}

	private static Call call(String name, String argumentsJson) {
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
		return new Call(name, argumentsJson);
	}

	boolean isFunctionCall() {
		return !this.calls.isEmpty();
	}

	List<String> pieces() {
		return this.pieces;
	}

	String text() {
		return String.join("", this.pieces);
	}

	List<Call> calls() {
		return this.calls;
	}

	@Override
	public String toString() {
		if (!isFunctionCall()) {
			return "text \"" + text() + "\"";
		}
		return "function call "
				+ String.join(", ", this.calls.stream().map((call) -> call.name() + call.arguments()).toList());
	}

	/**
	 * One function call of a turn.
	 *
	 * @param name the function's name
	 * @param arguments the arguments, a JSON object
	 */
	record Call(String name, String arguments) {
	}

}
