package dev.mistralboot.client.chat.tools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.mistralboot.client.chat.AssistantMessage;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.ChatMessage;
import dev.mistralboot.client.chat.Content;
import dev.mistralboot.client.chat.FunctionCall;
import dev.mistralboot.client.chat.FunctionTool;
import dev.mistralboot.client.chat.Tool;
import dev.mistralboot.client.chat.ToolCall;
import dev.mistralboot.client.chat.ToolChoice;
import org.jspecify.annotations.Nullable;

/**
 * The state of one tool conversation, shared by the blocking and the reactive loop: its
 * messages so far and the rounds run. Not thread-safe: one round at a time.
 */
final class ToolRounds {

	private final ToolRegistry registry;

	private final int maxRounds;

	private final ChatCompletionRequest base;

	private final List<ChatMessage> messages;

	private final List<ChatCompletionResponse> responses = new ArrayList<>();

	private final ToolExecutor executor;

	private int toolRounds;

	private @Nullable ToolConversation result;

	ToolRounds(ToolRegistry registry, int maxRounds, ToolFailurePolicy failurePolicy, ChatCompletionRequest request) {
		Objects.requireNonNull(request, "request");
		this.registry = registry;
		this.maxRounds = maxRounds;
		this.base = withRegistryTools(request);
		this.messages = new ArrayList<>(request.messages());
		this.executor = new ToolExecutor(registry, failurePolicy);
	}

	ChatCompletionRequest nextRequest() {
		ChatCompletionRequest.Builder next = this.base.toBuilder().messages(this.messages);
		ToolChoice choice = this.base.toolChoice();
		if (this.toolRounds > 0 && choice != null && !ToolChoice.NONE.equals(choice)
				&& !ToolChoice.AUTO.equals(choice)) {
			next.toolChoice(ToolChoice.AUTO);
		}
		return next.build();
	}

	/**
	 * Takes an answer: runs its tool calls and returns {@code false}, or records the
	 * final answer and returns {@code true}.
	 */
	boolean answered(ChatCompletionResponse response) {
		this.responses.add(response);
		AssistantMessage message = response.message();
		List<ToolCall> calls = message.toolCallsOrEmpty();
		if (calls.isEmpty()) {
			this.messages.add(message);
			this.result = new ToolConversation(response, this.messages, this.responses, this.toolRounds);
			return true;
		}
		this.messages.add(history(message, calls));
		if (this.toolRounds >= this.maxRounds) {
			throw new MistralToolRoundsExceededException(this.maxRounds, this.messages, response);
		}
		this.messages.addAll(this.executor.execute(calls));
		this.toolRounds++;
		return false;
	}

	/**
	 * Whether an answer asks for tool calls, so that {@link #answered} would run tools.
	 */
	static boolean callsTools(ChatCompletionResponse response) {
		return !response.message().toolCallsOrEmpty().isEmpty();
	}

	@Nullable ToolConversation result() {
		return this.result;
	}

	private ChatCompletionRequest withRegistryTools(ChatCompletionRequest request) {
		List<Tool> tools = new ArrayList<>();
		Set<String> names = new HashSet<>();
		if (request.tools() != null) {
			for (Tool tool : request.tools()) {
				tools.add(tool);
				if (tool instanceof FunctionTool function) {
					names.add(function.function().name());
				}
			}
		}
		for (Tool tool : this.registry.tools()) {
			if (names.add(((FunctionTool) tool).function().name())) {
				tools.add(tool);
			}
		}
		return request.toBuilder().tools(tools.isEmpty() ? null : tools).build();
	}

	/**
	 * The assistant message sent back: its content, and its calls without stream indexes.
	 */
	private static AssistantMessage history(AssistantMessage message, List<ToolCall> calls) {
		List<ToolCall> sent = new ArrayList<>(calls.size());
		for (ToolCall call : calls) {
			sent.add(new ToolCall(call.id(), "function",
					new FunctionCall(call.function().name(), call.function().arguments()), null));
		}
		Content content = (message.content() != null) ? message.content() : Content.of("");
		return new AssistantMessage(content, sent, null);
	}

}
