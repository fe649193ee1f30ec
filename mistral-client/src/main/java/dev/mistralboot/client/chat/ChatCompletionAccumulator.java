package dev.mistralboot.client.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mistralboot.client.core.UsageInfo;
import org.jspecify.annotations.Nullable;

/**
 * Folds stream chunks into one {@link ChatCompletionResponse}: text, reasoning, tool
 * calls whose arguments arrived in fragments (joined by {@code index}, the id taken from
 * the first fragment), usage and finish reason, per answer.
 *
 * <pre>{@code
 * ChatCompletionAccumulator answer = new ChatCompletionAccumulator();
 * try (MistralStream<ChatCompletionChunk> chunks = chat.stream(request)) {
 *     chunks.forEach((chunk) -> print(answer.add(chunk).text()));
 * }
 * ChatCompletionResponse whole = answer.toResponse();
 * }</pre>
 *
 * Not thread-safe: add the chunks of one stream in order.
 */
public final class ChatCompletionAccumulator {

	private final Map<Integer, ChoiceState> choices = new TreeMap<>();

	private @Nullable String id;

	private @Nullable String model;

	private @Nullable Long created;

	private @Nullable UsageInfo usage;

	/**
	 * Folds all chunks of a stream.
	 * @param chunks the chunks, in order
	 * @return the whole answer
	 */
	public static ChatCompletionResponse fold(Iterable<ChatCompletionChunk> chunks) {
		ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
		for (ChatCompletionChunk chunk : chunks) {
			accumulator.add(chunk);
		}
		return accumulator.toResponse();
	}

	/**
	 * Adds the next chunk.
	 * @param chunk the chunk
	 * @return the same chunk, for chaining in a loop
	 */
	public ChatCompletionChunk add(ChatCompletionChunk chunk) {
		if (chunk.id() != null) {
			this.id = chunk.id();
		}
		if (chunk.model() != null) {
			this.model = chunk.model();
		}
		if (chunk.created() != null) {
			this.created = chunk.created();
		}
		if (chunk.usage() != null) {
			this.usage = chunk.usage();
		}
		for (ChatCompletionStreamChoice choice : chunk.choices()) {
			ChoiceState state = this.choices.computeIfAbsent(choice.index(), (index) -> new ChoiceState());
			if (choice.finishReason() != null) {
				state.finishReason = choice.finishReason();
			}
			DeltaMessage delta = choice.delta();
			if (delta == null) {
				continue;
			}
			if (delta.content() != null) {
				for (ContentChunk part : delta.content().chunks()) {
					if (part instanceof TextChunk text) {
						state.text.append(text.text());
					}
					else if (part instanceof ThinkChunk think) {
						state.thinking.append(think.text());
					}
				}
			}
			if (delta.toolCalls() != null) {
				for (ToolCall fragment : delta.toolCalls()) {
					state.addToolCall(fragment);
				}
			}
		}
		return chunk;
	}

	/**
	 * The answer so far (complete once the stream has ended).
	 * @return the folded answer
	 */
	public ChatCompletionResponse toResponse() {
		List<ChatCompletionChoice> folded = new ArrayList<>();
		for (Map.Entry<Integer, ChoiceState> entry : this.choices.entrySet()) {
			folded.add(entry.getValue().toChoice(entry.getKey()));
		}
		return new ChatCompletionResponse(this.id, "chat.completion", this.model, this.usage, this.created, folded);
	}

	/**
	 * The usage reported so far (normally on the last chunk).
	 * @return the usage, or {@code null}
	 */
	public @Nullable UsageInfo usage() {
		return this.usage;
	}

	private static final class ChoiceState {

		private final StringBuilder text = new StringBuilder();

		private final StringBuilder thinking = new StringBuilder();

		private final Map<Integer, ToolCallState> toolCalls = new TreeMap<>();

		private @Nullable FinishReason finishReason;

		private int nextToolCallIndex;

		void addToolCall(ToolCall fragment) {
			Integer index = fragment.index();
			if (index == null) {
				boolean continues = fragment.id() == null && !this.toolCalls.isEmpty();
				index = continues ? this.nextToolCallIndex - 1 : this.nextToolCallIndex;
			}
			this.nextToolCallIndex = Math.max(this.nextToolCallIndex, index + 1);
			ToolCallState state = this.toolCalls.computeIfAbsent(index, (i) -> new ToolCallState());
			if (state.id == null && fragment.id() != null && !fragment.id().equals("null")) {
				state.id = fragment.id();
			}
			if (fragment.type() != null) {
				state.type = fragment.type();
			}
			if (fragment.function() != null) {
				if (!fragment.function().name().isEmpty()) {
					state.name = fragment.function().name();
				}
				state.arguments.append(fragment.function().arguments());
			}
		}

		ChatCompletionChoice toChoice(int index) {
			Content content;
			if (this.thinking.isEmpty()) {
				content = Content.of(this.text.toString());
			}
			else {
				content = Content.of(ThinkChunk.of(this.thinking.toString()), new TextChunk(this.text.toString()));
			}
			List<ToolCall> calls = null;
			if (!this.toolCalls.isEmpty()) {
				calls = new ArrayList<>();
				for (Map.Entry<Integer, ToolCallState> entry : this.toolCalls.entrySet()) {
					ToolCallState call = entry.getValue();
					calls.add(new ToolCall(call.id, (call.type != null) ? call.type : "function",
							new FunctionCall(call.name, call.arguments.toString()), entry.getKey()));
				}
			}
			return new ChatCompletionChoice(index, new AssistantMessage(content, calls, null), null, this.finishReason);
		}

	}

	private static final class ToolCallState {

		private @Nullable String id;

		private @Nullable String type;

		private String name = "";

		private final StringBuilder arguments = new StringBuilder();

	}

}
