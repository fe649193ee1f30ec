package dev.mistralboot.client.conversations;

import java.util.Objects;

import dev.mistralboot.client.chat.tools.MistralToolException;
import dev.mistralboot.client.chat.tools.ToolFailurePolicy;
import dev.mistralboot.client.chat.tools.ToolRegistry;

/**
 * Conversations with tools: the tool loop of {@link MistralConversationsClient}. When an
 * answer holds {@code function.call} entries, each is run with the registry's tools (in
 * order) and a {@code function.result} entry with the call's {@code tool_call_id} is
 * appended to the same conversation, until an answer has no function call left. Get one
 * from {@link MistralConversationsClient#withTools(ToolRegistry)}:
 *
 * <pre>{@code
 * ToolCallingTurn turn = conversations.withTools(tools).start(ConversationRequest.builder()
 *     .model("mistral-medium-latest")
 *     .inputs("Where is my payment T1001?")
 *     .build());
 * System.out.println(turn.text());
 * turn = conversations.withTools(tools).append(turn.conversationId(), AppendConversationRequest.builder()
 *     .inputs("And when was it paid?")
 *     .build());
 * }</pre>
 *
 * The rules are the chat tool loop's
 * ({@link dev.mistralboot.client.chat.tools.ToolCallingChat}): at most {@code maxRounds}
 * tool rounds ({@link MistralConversationToolRoundsExceededException} beyond), failures
 * handled by the {@link ToolFailurePolicy} (an unknown tool, arguments that do not
 * convert, or a tool that throws is answered with {@code {"error":"..."}}, or ends the
 * turn with a {@link MistralToolException}), both taken from the registry unless set
 * here. A conversation started with a model gets the registry's function tools (a
 * function tool of the request wins over a registry tool of the same name); one started
 * with an agent uses the agent's tools, so create the agent with
 * {@link ToolRegistry#tools()}. A {@code tool_choice} of the request that forces a call
 * applies to its first answer only: the loop's appends carry the request's
 * {@code completion_args} with {@code tool_choice} {@code auto}. An answer with a call
 * that waits for confirmation ({@code confirmation_status} {@code pending}) ends the
 * turn: the application confirms it and appends.
 * <p>
 * Immutable and thread-safe: {@link #maxRounds(int)} and
 * {@link #failurePolicy(ToolFailurePolicy)} return new instances.
 */
public final class ToolCallingConversations {

	private final MistralConversationsClient conversations;

	private final ToolRegistry registry;

	private final int maxRounds;

	private final ToolFailurePolicy failurePolicy;

	/**
	 * Creates the loop with the registry's settings.
	 * @param conversations the conversations client
	 * @param registry the tools
	 */
	public ToolCallingConversations(MistralConversationsClient conversations, ToolRegistry registry) {
		this(conversations, registry, registry.maxRounds(), registry.failurePolicy());
	}

	private ToolCallingConversations(MistralConversationsClient conversations, ToolRegistry registry, int maxRounds,
			ToolFailurePolicy failurePolicy) {
		this.conversations = Objects.requireNonNull(conversations, "conversations");
		this.registry = Objects.requireNonNull(registry, "registry");
		this.maxRounds = ConversationToolRounds.checkMaxRounds(maxRounds);
		this.failurePolicy = Objects.requireNonNull(failurePolicy, "failurePolicy");
	}

	/**
	 * The same loop with another limit of tool rounds.
	 * @param maxRounds the most tool rounds of one turn, at least 1
	 * @return a new loop
	 */
	public ToolCallingConversations maxRounds(int maxRounds) {
		return new ToolCallingConversations(this.conversations, this.registry, maxRounds, this.failurePolicy);
	}

	/**
	 * The same loop with another failure policy.
	 * @param failurePolicy what to do when a tool call fails
	 * @return a new loop
	 */
	public ToolCallingConversations failurePolicy(ToolFailurePolicy failurePolicy) {
		return new ToolCallingConversations(this.conversations, this.registry, this.maxRounds, failurePolicy);
	}

	/**
	 * The tools offered.
	 * @return the registry
	 */
	public ToolRegistry registry() {
		return this.registry;
	}

	/**
	 * Starts a conversation and runs its function calls until the model answers without
	 * one.
	 * @param request the first inputs and the agent or model
	 * @return the final answer and every entry of the way
	 * @throws MistralConversationToolRoundsExceededException when the model still asks
	 * for calls after {@code maxRounds} tool rounds
	 * @throws MistralToolException when a call fails under
	 * {@link ToolFailurePolicy#THROW}
	 * @throws dev.mistralboot.client.core.MistralException when a call to the API fails
	 */
	public ToolCallingTurn start(ConversationRequest request) {
		ConversationToolRounds rounds = ConversationToolRounds.start(this.registry, this.maxRounds, this.failurePolicy,
				request);
		return run(rounds, this.conversations.start(withRegistryTools(request)));
	}

	/**
	 * Appends entries to a conversation and runs the function calls of the answers until
	 * the model answers without one.
	 * @param conversationId the conversation
	 * @param request the new entries (a user message, say)
	 * @return the final answer and every entry of the way
	 * @throws MistralConversationToolRoundsExceededException when the model still asks
	 * for calls after {@code maxRounds} tool rounds
	 * @throws MistralToolException when a call fails under
	 * {@link ToolFailurePolicy#THROW}
	 * @throws dev.mistralboot.client.core.MistralException when a call to the API fails
	 */
	public ToolCallingTurn append(String conversationId, AppendConversationRequest request) {
		ConversationToolRounds rounds = ConversationToolRounds.append(this.registry, this.maxRounds, this.failurePolicy,
				conversationId, request);
		return run(rounds, this.conversations.append(conversationId, request));
	}

	/**
	 * Restarts a conversation from one of its entries ({@link RestartConversationRequest}
	 * names it) and runs the function calls of the answers until the model answers
	 * without one; the calls' results are appended to the new conversation the restart
	 * makes, whose id the turn holds.
	 * @param conversationId the conversation restarted from
	 * @param request the entry to restart from and the inputs that follow it
	 * @return the final answer and every entry of the way
	 * @throws MistralConversationToolRoundsExceededException when the model still asks
	 * for calls after {@code maxRounds} tool rounds
	 * @throws MistralToolException when a call fails under
	 * {@link ToolFailurePolicy#THROW}
	 * @throws dev.mistralboot.client.core.MistralException when a call to the API fails
	 */
	public ToolCallingTurn restart(String conversationId, RestartConversationRequest request) {
		ConversationToolRounds rounds = ConversationToolRounds.restart(this.registry, this.maxRounds,
				this.failurePolicy, conversationId, request);
		return run(rounds, this.conversations.restart(conversationId, request));
	}

	/**
	 * Starts a conversation and streams it: every event of every answer passes through
	 * (function call pieces included, so a page can show calls as they come), with the
	 * tool rounds run in between. Use it in try-with-resources and read it to its end;
	 * then {@link ToolCallingConversationStream#result()} holds the turn.
	 * @param request the first inputs and the agent or model
	 * @return the open stream of events
	 */
	public ToolCallingConversationStream startStream(ConversationRequest request) {
		ConversationToolRounds rounds = ConversationToolRounds.start(this.registry, this.maxRounds, this.failurePolicy,
				request);
		return new ToolCallingConversationStream(this.conversations, rounds,
				this.conversations.startStream(withRegistryTools(request)));
	}

	/**
	 * Appends entries to a conversation and streams the answers, as
	 * {@link #startStream(ConversationRequest)} does.
	 * @param conversationId the conversation
	 * @param request the new entries (a user message, say)
	 * @return the open stream of events
	 */
	public ToolCallingConversationStream appendStream(String conversationId, AppendConversationRequest request) {
		ConversationToolRounds rounds = ConversationToolRounds.append(this.registry, this.maxRounds, this.failurePolicy,
				conversationId, request);
		return new ToolCallingConversationStream(this.conversations, rounds,
				this.conversations.appendStream(conversationId, request));
	}

	/**
	 * Restarts a conversation and streams the answers, as
	 * {@link #startStream(ConversationRequest)} does; the calls' results are appended to
	 * the new conversation the restart makes.
	 * @param conversationId the conversation restarted from
	 * @param request the entry to restart from and the inputs that follow it
	 * @return the open stream of events
	 */
	public ToolCallingConversationStream restartStream(String conversationId, RestartConversationRequest request) {
		ConversationToolRounds rounds = ConversationToolRounds.restart(this.registry, this.maxRounds,
				this.failurePolicy, conversationId, request);
		return new ToolCallingConversationStream(this.conversations, rounds,
				this.conversations.restartStream(conversationId, request));
	}

	private ConversationRequest withRegistryTools(ConversationRequest request) {
		return ConversationToolRounds.withRegistryTools(request, this.registry, this.conversations.agentByDefault());
	}

	private ToolCallingTurn run(ConversationToolRounds rounds, ConversationResponse first) {
		ConversationResponse response = first;
		while (!rounds.answered(response)) {
			response = this.conversations.append(rounds.conversationId(), rounds.nextAppend());
		}
		return Objects.requireNonNull(rounds.result());
	}

}
