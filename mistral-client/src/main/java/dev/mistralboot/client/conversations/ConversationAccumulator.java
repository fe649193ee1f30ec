package dev.mistralboot.client.conversations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.mistralboot.client.chat.Content;
import dev.mistralboot.client.chat.ContentChunk;
import dev.mistralboot.client.chat.TextChunk;
import dev.mistralboot.client.core.MistralStreamException;
import org.jspecify.annotations.Nullable;

/**
 * Folds the events of a streamed conversation turn into its outputs, as the whole answer
 * would have carried them: message pieces joined into {@link MessageOutputEntry}s (text
 * and chunks, by output id), function calls whose arguments arrived in pieces joined into
 * {@link FunctionCallEntry}s (by {@code tool_call_id}), built-in tool executions
 * ({@link ToolExecutionEntry}, with their arguments and what the tool reported), handoffs
 * ({@link AgentHandoffEntry}) and the usage of the final event. Events of a type this
 * library does not know are kept ({@link #unknownEvents()}).
 *
 * <pre>{@code
 * ConversationAccumulator turn = new ConversationAccumulator();
 * try (MistralStream<ConversationEvent> events = conversations.startStream(request)) {
 *     for (ConversationEvent event : events) {
 *         turn.add(event);
 *         if (event instanceof MessageOutputEvent piece) {
 *             System.out.print(piece.content().text());
 *         }
 *     }
 * }
 * ConversationResponse whole = turn.toResponse();
 * }</pre>
 *
 * Not thread-safe: add the events of one stream in order.
 */
public final class ConversationAccumulator {

	private final Map<String, Output> outputs = new LinkedHashMap<>();

	private final List<UnknownConversationEvent> unknown = new ArrayList<>();

	private @Nullable String conversationId;

	private @Nullable ConversationUsage usage;

	private @Nullable ResponseErrorEvent error;

	private boolean done;

	private int events;

	/**
	 * Folds all events of a stream.
	 * @param events the events, in order
	 * @return the whole answer
	 * @throws MistralStreamException when the turn failed
	 * ({@code conversation.response.error}) or the events end before its final event
	 */
	public static ConversationResponse fold(Iterable<? extends ConversationEvent> events) {
		ConversationAccumulator accumulator = new ConversationAccumulator();
		for (ConversationEvent event : events) {
			accumulator.add(event);
		}
		return accumulator.toResponse();
	}

	/**
	 * Adds the next event.
	 * @param event the event
	 * @return this accumulator
	 */
	public ConversationAccumulator add(ConversationEvent event) {
		Objects.requireNonNull(event, "event");
		this.events++;
		if (event instanceof ResponseStartedEvent started) {
			this.conversationId = started.conversationId();
		}
		else if (event instanceof MessageOutputEvent piece) {
			Output output = output("message", piece.id(), piece.outputIndex());
			output.kind = Kind.MESSAGE;
			output.take(piece.id(), piece.model(), piece.agentId());
			output.append(piece.content());
		}
		else if (event instanceof FunctionCallEvent piece) {
			Output output = output("call", (piece.toolCallId() != null) ? piece.toolCallId() : piece.id(),
					piece.outputIndex());
			output.kind = Kind.FUNCTION_CALL;
			output.take(piece.id(), piece.model(), piece.agentId());
			output.toolCallId = first(output.toolCallId, piece.toolCallId());
			output.name = first(output.name, piece.name());
			output.arguments.append(piece.arguments());
			if (piece.confirmationStatus() != null) {
				output.confirmationStatus = piece.confirmationStatus();
			}
		}
		else if (event instanceof ToolExecutionStartedEvent started) {
			Output output = output("tool", started.id(), started.outputIndex());
			output.kind = Kind.TOOL_EXECUTION;
			output.take(started.id(), started.model(), started.agentId());
			output.name = first(output.name, started.name());
			output.arguments.append(started.arguments());
		}
		else if (event instanceof ToolExecutionDeltaEvent delta) {
			Output output = output("tool", delta.id(), delta.outputIndex());
			output.kind = Kind.TOOL_EXECUTION;
			output.take(delta.id(), null, null);
			output.name = first(output.name, delta.name());
			output.arguments.append(delta.arguments());
		}
		else if (event instanceof ToolExecutionDoneEvent finished) {
			Output output = output("tool", finished.id(), finished.outputIndex());
			output.kind = Kind.TOOL_EXECUTION;
			output.take(finished.id(), null, null);
			output.name = first(output.name, finished.name());
			output.info = finished.info();
		}
		else if (event instanceof AgentHandoffStartedEvent started) {
			Output output = output("handoff", started.id(), started.outputIndex());
			output.kind = Kind.HANDOFF;
			output.take(started.id(), null, null);
			output.previousAgentId = started.previousAgentId();
			output.previousAgentName = started.previousAgentName();
		}
		else if (event instanceof AgentHandoffDoneEvent finished) {
			Output output = output("handoff", finished.id(), finished.outputIndex());
			output.kind = Kind.HANDOFF;
			output.take(finished.id(), null, null);
			output.nextAgentId = finished.nextAgentId();
			output.nextAgentName = finished.nextAgentName();
		}
		else if (event instanceof ResponseDoneEvent finished) {
			this.usage = finished.conversationUsage();
			this.done = true;
		}
		else if (event instanceof ResponseErrorEvent failed) {
			this.error = failed;
			this.done = true;
		}
		else if (event instanceof UnknownConversationEvent other) {
			this.unknown.add(other);
		}
		return this;
	}

	/**
	 * Whether the final event ({@code conversation.response.done} or
	 * {@code conversation.response.error}) was added.
	 * @return {@code true} once the turn ended
	 */
	public boolean isComplete() {
		return this.done;
	}

	/**
	 * The conversation's id, from the first event.
	 * @return the id, or {@code null} before {@code conversation.response.started}
	 */
	public @Nullable String conversationId() {
		return this.conversationId;
	}

	/**
	 * The outputs so far, in the order they started.
	 * @return the outputs
	 */
	public List<ConversationEntry> outputs() {
		List<ConversationEntry> entries = new ArrayList<>(this.outputs.size());
		for (Output output : this.outputs.values()) {
			entries.add(output.toEntry());
		}
		return List.copyOf(entries);
	}

	/**
	 * The text of the message outputs so far, joined.
	 * @return the text
	 */
	public String text() {
		return ConversationOutputs.text(outputs());
	}

	/**
	 * The function calls so far, their arguments joined.
	 * @return the calls, in order
	 */
	public List<FunctionCallEntry> functionCalls() {
		return ConversationOutputs.of(outputs(), FunctionCallEntry.class);
	}

	/**
	 * The usage of the final event.
	 * @return the usage, or {@code null} before it
	 */
	public @Nullable ConversationUsage usage() {
		return this.usage;
	}

	/**
	 * The error event that ended the turn.
	 * @return the error, or {@code null}
	 */
	public @Nullable ResponseErrorEvent error() {
		return this.error;
	}

	/**
	 * The events of a type this library does not know, kept whole.
	 * @return the events, in order
	 */
	public List<UnknownConversationEvent> unknownEvents() {
		return List.copyOf(this.unknown);
	}

	/**
	 * The whole answer, as {@code start}, {@code append} or {@code restart} would have
	 * returned it.
	 * @return the answer
	 * @throws MistralStreamException when the turn failed (the error event's message and
	 * code) or its final event has not been added (a cut stream)
	 */
	public ConversationResponse toResponse() {
		ResponseErrorEvent failed = this.error;
		if (failed != null) {
			throw new MistralStreamException("The conversation turn failed after " + this.events + " events: "
					+ failed.message() + " [code=" + failed.code() + "]", this.events, null, null);
		}
		if (!this.done) {
			throw new MistralStreamException(
					"The conversation stream ended after " + this.events
							+ " events without conversation.response.done: the answer is incomplete",
					this.events, null, null);
		}
		return new ConversationResponse(null, Objects.requireNonNullElse(this.conversationId, ""), outputs(),
				this.usage, null);
	}

	private Output output(String kind, @Nullable String id, int outputIndex) {
		String key = kind + ":" + ((id != null) ? id : "#" + outputIndex);
		return this.outputs.computeIfAbsent(key, (k) -> new Output());
	}

	private static @Nullable String first(@Nullable String current, @Nullable String next) {
		return (current != null && !current.isEmpty()) ? current : next;
	}

	private enum Kind {

		MESSAGE, FUNCTION_CALL, TOOL_EXECUTION, HANDOFF

	}

	/** One output being assembled. */
	private static final class Output {

		private Kind kind = Kind.MESSAGE;

		private @Nullable String id;

		private @Nullable String model;

		private @Nullable String agentId;

		private final List<ContentChunk> chunks = new ArrayList<>();

		private final StringBuilder text = new StringBuilder();

		private boolean onlyText = true;

		private @Nullable String toolCallId;

		private @Nullable String name;

		private final StringBuilder arguments = new StringBuilder();

		private @Nullable ConfirmationStatus confirmationStatus;

		private @Nullable Map<String, Object> info;

		private @Nullable String previousAgentId;

		private @Nullable String previousAgentName;

		private @Nullable String nextAgentId;

		private @Nullable String nextAgentName;

		void take(@Nullable String id, @Nullable String model, @Nullable String agentId) {
			this.id = first(this.id, id);
			this.model = first(this.model, model);
			this.agentId = first(this.agentId, agentId);
		}

		void append(Content content) {
			if (content.isString()) {
				appendText(content.text());
				return;
			}
			for (ContentChunk chunk : content.chunks()) {
				if (chunk instanceof TextChunk piece) {
					appendText(piece.text());
				}
				else {
					flushText();
					this.onlyText = false;
					this.chunks.add(chunk);
				}
			}
		}

		private void appendText(String piece) {
			this.text.append(piece);
		}

		private void flushText() {
			if (!this.text.isEmpty()) {
				this.chunks.add(new TextChunk(this.text.toString()));
				this.text.setLength(0);
			}
		}

		ConversationEntry toEntry() {
			return switch (this.kind) {
				case MESSAGE -> new MessageOutputEntry(content(), this.agentId, this.model, this.id, null, null);
				case FUNCTION_CALL -> new FunctionCallEntry(Objects.requireNonNullElse(this.toolCallId, ""),
						Objects.requireNonNullElse(this.name, ""), this.arguments.toString(), this.confirmationStatus,
						this.agentId, this.model, this.id, null, null);
				case TOOL_EXECUTION -> new ToolExecutionEntry(Objects.requireNonNullElse(this.name, ""),
						this.arguments.toString(), this.info, this.agentId, this.model, this.id, null, null);
				case HANDOFF -> new AgentHandoffEntry(this.previousAgentId, this.previousAgentName, this.nextAgentId,
						this.nextAgentName, this.id, null, null);
			};
		}

		private Content content() {
			if (this.onlyText) {
				return Content.of(this.text.toString());
			}
			List<ContentChunk> all = new ArrayList<>(this.chunks);
			if (!this.text.isEmpty()) {
				all.add(new TextChunk(this.text.toString()));
			}
			return Content.of(all);
		}

	}

}
