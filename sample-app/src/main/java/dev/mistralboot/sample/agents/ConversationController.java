package dev.mistralboot.sample.agents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mistralboot.client.chat.tools.ToolCallback;
import dev.mistralboot.client.chat.tools.ToolRegistry;
import dev.mistralboot.client.conversations.AgentHandoffEntry;
import dev.mistralboot.client.conversations.AppendConversationRequest;
import dev.mistralboot.client.conversations.ConversationEntry;
import dev.mistralboot.client.conversations.ConversationEvent;
import dev.mistralboot.client.conversations.ConversationHistory;
import dev.mistralboot.client.conversations.ConversationRequest;
import dev.mistralboot.client.conversations.FunctionCallEntry;
import dev.mistralboot.client.conversations.FunctionResultEntry;
import dev.mistralboot.client.conversations.MessageInputEntry;
import dev.mistralboot.client.conversations.MessageOutputEntry;
import dev.mistralboot.client.conversations.MessageOutputEvent;
import dev.mistralboot.client.conversations.MistralConversationsClient;
import dev.mistralboot.client.conversations.ResponseStartedEvent;
import dev.mistralboot.client.conversations.ToolCallingConversationStream;
import dev.mistralboot.client.conversations.ToolCallingConversations;
import dev.mistralboot.client.conversations.ToolCallingTurn;
import dev.mistralboot.client.conversations.ToolExecutionEntry;
import dev.mistralboot.client.conversations.ToolExecutionStartedEvent;
import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.sample.Question;
import dev.mistralboot.sample.ServerSentEvents;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A conversation with the {@link PaymentAgent}, streamed to the page as server-sent
 * events: the first question starts a conversation ({@code startStream}), the next ones
 * append to it ({@code appendStream}), both through the conversations tool loop
 * ({@code conversations.withTools(registry)}). When the agent calls one of the payment
 * functions, the loop runs the application's {@code @MistralTool} method and appends its
 * result as a {@code function.result} entry, until the agent answers (at most
 * {@code mistral.tools.max-rounds} rounds); the page shows each call and its result as it
 * runs. The page also reads a conversation's history.
 */
@RestController
class ConversationController {

	private static final Log logger = LogFactory.getLog(ConversationController.class);

	private final MistralConversationsClient conversations;

	private final PaymentAgent agent;

	private final ToolRegistry tools;

	private final AsyncTaskExecutor executor;

	ConversationController(MistralConversationsClient conversations, PaymentAgent agent, ToolRegistry tools,
			AsyncTaskExecutor executor) {
		this.conversations = conversations;
		this.agent = agent;
		this.tools = tools;
		this.executor = executor;
	}

	/**
	 * The agent the page talks to.
	 */
	@GetMapping("/api/agent")
	Map<String, Object> agent() {
		AgentBootstrap.Ensured ensured = this.agent.current();
		return Map.of("id", ensured.agent().id(), "name", ensured.agent().name(), "model", ensured.agent().model(),
				"version", String.valueOf(ensured.agent().version()), "action", ensured.action(), "digest",
				ensured.digest(), "tools", this.tools.names());
	}

	/**
	 * Streams one question of the conversation: a {@code conversation} event with the
	 * conversation id (one per answer), {@code token} events with the pieces of the
	 * answer, a {@code call} event per function call ({@code name}, {@code arguments})
	 * and a {@code result} event with what the function answered, a {@code tool} event
	 * per built-in tool run, then {@code done} ({@code conversationId}, {@code rounds}:
	 * the function calls run), or {@code failure} with the error message.
	 * @param question the question ({@code {"message": "..."}})
	 * @param conversationId the conversation to append to; none starts a new one
	 */
	@PostMapping(path = "/api/agent/conversation", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter talk(@RequestBody Question question, @RequestParam(required = false) @Nullable String conversationId) {
		String message = question.text();
		String appendTo = (conversationId != null && !conversationId.isBlank()) ? conversationId : null;
		return ServerSentEvents.stream(this.executor, logger, "The conversation with the payments agent",
				(emitter) -> converse(emitter, message, appendTo));
	}

	/**
	 * The conversation's entries, oldest first, as the page shows them.
	 * @param id the conversation id
	 */
	@GetMapping("/api/agent/conversations/{id}/history")
	List<HistoryEntry> history(@PathVariable String id) {
		ConversationHistory history = this.conversations.history(id);
		return history.entries().stream().map(HistoryEntry::of).toList();
	}

	/**
	 * The most recent conversations (ids and agents), newest first.
	 */
	@GetMapping("/api/agent/conversations")
	List<Map<String, Object>> list() {
		return this.conversations.list().stream().map((conversation) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", conversation.id());
			row.put("agentId", String.valueOf(conversation.agentId()));
			return row;
		}).toList();
	}

	/**
	 * One question with the conversations tool loop
	 * ({@code conversations.withTools(registry)}): its stream passes every event of every
	 * answer through and runs the function calls in between. The registry of the loop
	 * wraps the application's tools so that the page sees each call and its result as it
	 * is run.
	 */
	private void converse(SseEmitter emitter, String message, @Nullable String conversationId) {
		ToolCallingConversations loop = this.conversations.withTools(showingCalls(emitter));
		ToolCallingTurn turn;
		if (conversationId != null) {
			turn = forward(emitter,
					loop.appendStream(conversationId, AppendConversationRequest.builder().inputs(message).build()));
		}
		else {
			String agentId = this.agent.current().agent().id();
			try {
				turn = forward(emitter,
						loop.startStream(ConversationRequest.builder().agentId(agentId).inputs(message).build()));
			}
			catch (MistralNotFoundException ex) {
				// Mistral no longer knows the agent: ensure it again and start once more
				String recovered = this.agent.recover(agentId).agent().id();
				turn = forward(emitter,
						loop.startStream(ConversationRequest.builder().agentId(recovered).inputs(message).build()));
			}
		}
		ServerSentEvents.send(emitter, "done",
				Map.of("conversationId", turn.conversationId(), "rounds", turn.functionResults().size()));
	}

	/**
	 * The application's tools, each sending a {@code call} event before it runs and a
	 * {@code result} event with what it answered (or why it failed), with the registry's
	 * round limit and failure policy.
	 */
	private ToolRegistry showingCalls(SseEmitter emitter) {
		ToolRegistry.Builder builder = ToolRegistry.builder()
			.maxRounds(this.tools.maxRounds())
			.failurePolicy(this.tools.failurePolicy());
		for (ToolCallback tool : this.tools.callbacks()) {
			builder.tool(ToolCallback.of(tool.definition(), (arguments) -> {
				ServerSentEvents.send(emitter, "call", Map.of("name", tool.name(), "arguments", arguments));
				String result;
				try {
					result = tool.call(arguments);
				}
				catch (RuntimeException ex) {
					ServerSentEvents.send(emitter, "result",
							Map.of("name", tool.name(), "result", "failed: " + ex.getMessage()));
					throw ex;
				}
				ServerSentEvents.send(emitter, "result", Map.of("name", tool.name(), "result", result));
				return result;
			}));
		}
		return builder.build();
	}

	/** Forwards the turn's events to the page as they arrive. */
	private ToolCallingTurn forward(SseEmitter emitter, ToolCallingConversationStream stream) {
		try (ToolCallingConversationStream events = stream) {
			for (ConversationEvent event : events) {
				if (event instanceof ResponseStartedEvent started) {
					ServerSentEvents.send(emitter, "conversation", Map.of("id", started.conversationId()));
				}
				else if (event instanceof MessageOutputEvent piece && !piece.content().text().isEmpty()) {
					ServerSentEvents.send(emitter, "token", Map.of("text", piece.content().text()));
				}
				else if (event instanceof ToolExecutionStartedEvent tool) {
					ServerSentEvents.send(emitter, "tool",
							Map.of("name", String.valueOf(tool.name()), "arguments", tool.arguments()));
				}
			}
			return events.result();
		}
	}

	/**
	 * One entry of a conversation's history, as the page shows it.
	 *
	 * @param type the entry type ({@code message.input}, {@code function.call}, ...)
	 * @param role who wrote a message ({@code user}, {@code assistant}), else
	 * {@code null}
	 * @param text a message's text, a function call's arguments, a function's result or a
	 * built-in tool's arguments
	 * @param name the function or tool called, else {@code null}
	 */
	record HistoryEntry(String type, @Nullable String role, String text, @Nullable String name) {

		static HistoryEntry of(ConversationEntry entry) {
			String type = String.valueOf(entry.type());
			if (entry instanceof MessageInputEntry input) {
				return new HistoryEntry(type, input.role().value(), input.text(), null);
			}
			if (entry instanceof MessageOutputEntry output) {
				return new HistoryEntry(type, output.role(), output.text(), null);
			}
			if (entry instanceof FunctionCallEntry call) {
				return new HistoryEntry(type, null, call.arguments(), call.name());
			}
			if (entry instanceof FunctionResultEntry result) {
				return new HistoryEntry(type, null, result.result(), null);
			}
			if (entry instanceof ToolExecutionEntry tool) {
				return new HistoryEntry(type, null, tool.arguments(), tool.name());
			}
			if (entry instanceof AgentHandoffEntry handoff) {
				return new HistoryEntry(type, null, "handed to " + handoff.nextAgentName(), null);
			}
			return new HistoryEntry(type, null, "", null);
		}

	}

}
