package dev.mistralboot.client.conversations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.mistralboot.client.agents.CompletionArgs;
import dev.mistralboot.client.chat.FunctionTool;
import dev.mistralboot.client.chat.Tool;
import dev.mistralboot.client.chat.ToolChoice;
import dev.mistralboot.client.chat.tools.ToolExecutor;
import dev.mistralboot.client.chat.tools.ToolFailurePolicy;
import dev.mistralboot.client.chat.tools.ToolRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The state of one conversation turn run with tools, shared by the blocking and the
 * reactive loop: the entries so far, the answers, the rounds run, and the settings the
 * loop's appends carry. Not thread-safe: one round at a time.
 */
final class ConversationToolRounds {

	private final int maxRounds;

	private final ToolExecutor executor;

	private final List<ConversationEntry> entries = new ArrayList<>();

	private final List<ConversationResponse> responses = new ArrayList<>();

	private final @Nullable Boolean store;

	private final @Nullable HandoffExecution handoffExecution;

	private final @Nullable CompletionArgs completionArgs;

	private List<FunctionResultEntry> results = List.of();

	private @Nullable String conversationId;

	private int toolRounds;

	private @Nullable ToolCallingTurn result;

	private ConversationToolRounds(ToolRegistry registry, int maxRounds, ToolFailurePolicy failurePolicy,
			@Nullable String conversationId, List<ConversationEntry> inputs, @Nullable Boolean store,
			@Nullable HandoffExecution handoffExecution, @Nullable CompletionArgs completionArgs) {
		this.maxRounds = maxRounds;
		this.executor = new ToolExecutor(registry, failurePolicy);
		this.conversationId = conversationId;
		this.entries.addAll(inputs);
		this.store = store;
		this.handoffExecution = handoffExecution;
		this.completionArgs = relaxed(completionArgs);
	}

	/**
	 * Checks a limit of tool rounds (the chat loop's rule and message).
	 */
	static int checkMaxRounds(int maxRounds) {
		if (maxRounds < 1) {
			throw new IllegalArgumentException(
					"maxRounds must be at least 1, was " + maxRounds + " (set mistral.tools.max-rounds)");
		}
		return maxRounds;
	}

	/** The rounds of a conversation that starts with a request. */
	static ConversationToolRounds start(ToolRegistry registry, int maxRounds, ToolFailurePolicy failurePolicy,
			ConversationRequest request) {
		Objects.requireNonNull(request, "request");
		return new ConversationToolRounds(registry, maxRounds, failurePolicy, null, request.inputs(), request.store(),
				request.handoffExecution(), request.completionArgs());
	}

	/** The rounds of a turn that appends to a conversation. */
	static ConversationToolRounds append(ToolRegistry registry, int maxRounds, ToolFailurePolicy failurePolicy,
			String conversationId, AppendConversationRequest request) {
		Objects.requireNonNull(conversationId, "conversationId");
		Objects.requireNonNull(request, "request");
		return new ConversationToolRounds(registry, maxRounds, failurePolicy, conversationId,
				(request.inputs() != null) ? request.inputs() : List.of(), request.store(), request.handoffExecution(),
				request.completionArgs());
	}

	/**
	 * The rounds of a turn that restarts a conversation from one of its entries (the
	 * answer names the new conversation, which the loop's appends go to).
	 */
	static ConversationToolRounds restart(ToolRegistry registry, int maxRounds, ToolFailurePolicy failurePolicy,
			String conversationId, RestartConversationRequest request) {
		Objects.requireNonNull(conversationId, "conversationId");
		Objects.requireNonNull(request, "request");
		return new ConversationToolRounds(registry, maxRounds, failurePolicy, conversationId,
				(request.inputs() != null) ? request.inputs() : List.of(), request.store(), request.handoffExecution(),
				request.completionArgs());
	}

	/**
	 * The start request with the registry's function tools added (a function tool of the
	 * request wins over a registry tool of the same name); a request naming an agent is
	 * sent as it is (an agent's tools are the ones it was created with), as is one naming
	 * neither agent nor model when the client's default is an agent.
	 */
	static ConversationRequest withRegistryTools(ConversationRequest request, ToolRegistry registry,
			boolean agentByDefault) {
		Objects.requireNonNull(request, "request");
		if (request.agentId() != null || (request.model() == null && agentByDefault)) {
			return request;
		}
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
		for (Tool tool : registry.tools()) {
			if (names.add(((FunctionTool) tool).function().name())) {
				tools.add(tool);
			}
		}
		return request.toBuilder().tools(tools.isEmpty() ? null : tools).build();
	}

	/**
	 * Takes an answer: runs its function calls and returns {@code false} (then
	 * {@link #nextAppend()} holds their results), or records the final answer and returns
	 * {@code true}.
	 * @throws MistralConversationToolRoundsExceededException when the answer asks for
	 * calls after the last allowed round
	 */
	boolean answered(ConversationResponse response) {
		if (response.conversationId() != null && !response.conversationId().isBlank()) {
			this.conversationId = response.conversationId();
		}
		this.responses.add(response);
		this.entries.addAll(response.outputs());
		List<FunctionCallEntry> calls = callsToRun(response);
		if (calls.isEmpty()) {
			this.result = new ToolCallingTurn(response, this.entries, this.responses, this.toolRounds);
			return true;
		}
		if (this.toolRounds >= this.maxRounds) {
			throw new MistralConversationToolRoundsExceededException(this.maxRounds, conversationId(), this.entries,
					response);
		}
		List<FunctionResultEntry> results = new ArrayList<>(calls.size());
		for (FunctionCallEntry call : calls) {
			results.add(new FunctionResultEntry(call.toolCallId(),
					this.executor.call(call.toolCallId(), call.name(), call.arguments()), null, null, null));
		}
		this.results = results;
		this.entries.addAll(results);
		this.toolRounds++;
		return false;
	}

	/**
	 * Whether an answer asks for function calls, so that {@link #answered} would run
	 * tools.
	 */
	static boolean callsTools(ConversationResponse response) {
		return !callsToRun(response).isEmpty();
	}

	/**
	 * The calls of an answer the loop runs: all of them, unless one waits for the
	 * application's confirmation, when the turn ends there and the application decides.
	 */
	private static List<FunctionCallEntry> callsToRun(ConversationResponse response) {
		List<FunctionCallEntry> calls = response.functionCalls();
		for (FunctionCallEntry call : calls) {
			if (ConfirmationStatus.PENDING.equals(call.confirmationStatus())) {
				return List.of();
			}
		}
		return calls;
	}

	/** The append that answers the last round's calls. */
	AppendConversationRequest nextAppend() {
		return AppendConversationRequest.builder()
			.inputs(this.results)
			.store(this.store)
			.handoffExecution(this.handoffExecution)
			.completionArgs(this.completionArgs)
			.build();
	}

	String conversationId() {
		return Objects.requireNonNullElse(this.conversationId, "");
	}

	@Nullable ToolCallingTurn result() {
		return this.result;
	}

	/**
	 * The completion arguments of the loop's appends: none when the request had none or
	 * left the tool choice free; otherwise the same with {@code tool_choice} {@code auto}
	 * (a choice that forces a call applies to the first answer only, or the model could
	 * never stop calling).
	 */
	private static @Nullable CompletionArgs relaxed(@Nullable CompletionArgs args) {
		if (args == null || args.toolChoice() == null || ToolChoice.NONE.equals(args.toolChoice())
				|| ToolChoice.AUTO.equals(args.toolChoice())) {
			return null;
		}
		return args.toBuilder().toolChoice(ToolChoice.AUTO).build();
	}

}
